import type { Metadata } from "next";
import { NotFoundMessage, notFoundTitle } from "@/components/site/not-found-message";
import { SiteFrame } from "@/components/site/site-frame";

export async function generateMetadata(): Promise<Metadata> {
  return { title: await notFoundTitle() };
}

// Unknown addresses and notFound() outside the widget: the root layout alone is
// around this page, so it brings the site's frame itself.
export default function NotFound() {
  return (
    <SiteFrame>
      <NotFoundMessage />
    </SiteFrame>
  );
}
