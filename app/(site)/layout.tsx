import { SiteFrame } from "@/components/site/site-frame";

/** The public pages: skip link, header with the language switcher, footer. */
export default function SiteLayout({ children }: { children: React.ReactNode }) {
  return <SiteFrame>{children}</SiteFrame>;
}
