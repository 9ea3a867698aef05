import type { Metadata } from "next";
import { messagesFor } from "@/lib/i18n/messages";

export const metadata: Metadata = { title: "Page not found" };

export default function NotFound() {
  const t = messagesFor("en").notFound;
  return (
    <div className="not-found">
      <h1>{t.title}</h1>
      <p>{t.body}</p>
      <p>
        <a href="/">{t.home}</a>
      </p>
    </div>
  );
}
