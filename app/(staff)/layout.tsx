import { SiteFrame } from "@/components/site/site-frame";

/** The staff and admin area sits in the site's frame (header, language switcher, footer). */
export default function StaffAreaLayout({ children }: { children: React.ReactNode }) {
  return <SiteFrame>{children}</SiteFrame>;
}
