import type { Metadata } from "next";
import { NotFoundMessage, notFoundTitle } from "@/components/site/not-found-message";

export async function generateMetadata(): Promise<Metadata> {
  return { title: await notFoundTitle() };
}

/** An unknown campaign in the widget: the 404 text, in the widget's bare frame. */
export default function EmbedNotFound() {
  return <NotFoundMessage />;
}
