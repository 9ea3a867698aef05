import type { Metadata } from "next";
import { StaffNav } from "@/components/staff/StaffNav";
import { readLocalOutboxAsAdmin } from "@/lib/admin/delivery-queue";
import { requireStaff } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { signOut } from "../../staff/actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Local outbox", robots: { index: false } };

export default async function LocalOutboxPage() {
  const admin = await requireStaff("admin");
  const mails = await readLocalOutboxAsAdmin(admin);
  const smtp = Boolean(env().SMTP_URL);
  return (
    <div className="staff">
      <StaffNav staff={admin} signOutAction={signOut} />
      <h1>Local outbox</h1>
      <p>
        {smtp
          ? "An SMTP server is configured, so mail leaves through it; anything below was filed before it was set."
          : "No SMTP server is configured (SMTP_URL), so nothing leaves this machine: every email is filed here instead, encrypted. Confirmation and delete links in them work."}
      </p>
      {mails.length === 0 ? (
        <p>No mail yet.</p>
      ) : (
        <ol className="outbox" data-testid="local-outbox">
          {mails.map((m) => (
            <li key={m.id}>
              <details>
                <summary>
                  {m.createdAt.toISOString().replace("T", " ").slice(0, 19)} UTC · to {m.toAddress} · {m.subject}
                </summary>
                <pre>{m.text}</pre>
              </details>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
