import type { Metadata } from "next";

export const metadata: Metadata = { title: "Not allowed", robots: { index: false } };

export default function ForbiddenPage() {
  return (
    <div>
      <h1>Not allowed</h1>
      <p role="alert">Your account may not do this. Only admins edit campaigns, addressees and the delivery queue.</p>
      <p>
        <a href="/staff">Back to the dashboard</a>
      </p>
    </div>
  );
}
