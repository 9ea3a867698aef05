import type { Metadata } from "next";
import { StaffNav } from "@/components/staff/StaffNav";
import { deliveryStatuses, listDeliveryMessages, listSupporterEmails } from "@/lib/admin/delivery-queue";
import { requireStaff } from "@/lib/auth/session";
import { signOut } from "../../staff/actions";
import { cancelMessageAction, retryMessageAction, setDeliveryPausedAction } from "./actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Delivery queue", robots: { index: false } };

const one = (value: string | string[] | undefined) => (typeof value === "string" ? value : undefined);
const time = (d: Date | null) => (d ? d.toISOString().replace("T", " ").slice(0, 16) : "—");

export default async function DeliveryPage({ searchParams }: PageProps<"/admin/delivery">) {
  const admin = await requireStaff("admin");
  const query = await searchParams;
  const status = deliveryStatuses.find((s) => s === one(query.status));
  const { messages, counts, campaigns } = await listDeliveryMessages(admin, { status });
  const emails = await listSupporterEmails(admin);
  return (
    <div className="staff">
      <StaffNav staff={admin} signOutAction={signOut} />
      <h1>Delivery queue</h1>
      {one(query.done) && (
        <p role="status" className="form-ok">
          {one(query.done)}
        </p>
      )}
      {one(query.problem) && (
        <p role="alert" className="form-error">
          {one(query.problem)}
        </p>
      )}
      <p>
        <a href="/admin/outbox">Local outbox</a> (mail filed on this machine when no SMTP server is configured)
      </p>
      <section aria-labelledby="pause">
        <h2 id="pause">Sending per campaign</h2>
        <ul>
          {campaigns.map((c) => (
            <li key={c.id}>
              <form action={setDeliveryPausedAction} className="inline-form">
                {c.slug}: {c.deliveryPaused ? "paused" : "sending"}{" "}
                <input type="hidden" name="campaignId" value={c.id} />
                <input type="hidden" name="paused" value={c.deliveryPaused ? "false" : "true"} />
                <button type="submit">{c.deliveryPaused ? `Resume sending for ${c.slug}` : `Pause sending for ${c.slug}`}</button>
              </form>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="messages">
        <h2 id="messages">Letters to addressees</h2>
        <form method="get" className="inline-form">
          <label htmlFor="status">Status</label>
          <select id="status" name="status" defaultValue={status ?? ""}>
            <option value="">All</option>
            {deliveryStatuses.map((s) => (
              <option key={s} value={s}>
                {s} ({counts.find((c) => c.status === s)?.count ?? 0})
              </option>
            ))}
          </select>
          <button type="submit">Show</button>
        </form>
        <table data-testid="delivery-messages">
          <thead>
            <tr>
              <th scope="col">To</th>
              <th scope="col">Status</th>
              <th scope="col">Attempts</th>
              <th scope="col">Next attempt / sent</th>
              <th scope="col">Last error</th>
              <th scope="col">Act</th>
            </tr>
          </thead>
          <tbody>
            {messages.map((m) => (
              <tr key={m.id}>
                <td>
                  {m.toName} &lt;{m.toAddress}&gt;
                </td>
                <td>{m.status}</td>
                <td>{m.attempts}</td>
                <td>{m.status === "sent" ? time(m.sentAt) : time(m.nextAttemptAt)}</td>
                <td>{m.lastError ?? ""}</td>
                <td>
                  {["failed", "deferred", "cancelled"].includes(m.status) && (
                    <form action={retryMessageAction}>
                      <input type="hidden" name="id" value={m.id} />
                      <button type="submit">Retry</button>
                    </form>
                  )}
                  {["queued", "deferred"].includes(m.status) && (
                    <form action={cancelMessageAction}>
                      <input type="hidden" name="id" value={m.id} />
                      <button type="submit">Cancel</button>
                    </form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="supporter-emails">
        <h2 id="supporter-emails">Emails to supporters (newest 100; addresses stay encrypted)</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">Kind</th>
              <th scope="col">Language</th>
              <th scope="col">Status</th>
              <th scope="col">Attempts</th>
              <th scope="col">Made</th>
              <th scope="col">Last error</th>
            </tr>
          </thead>
          <tbody>
            {emails.map((e) => (
              <tr key={e.id}>
                <td>{e.kind.replace(/_/g, " ")}</td>
                <td>{e.language}</td>
                <td>{e.status}</td>
                <td>{e.attempts}</td>
                <td>{time(e.createdAt)}</td>
                <td>{e.lastError ?? ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
