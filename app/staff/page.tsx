import type { Metadata } from "next";
import { BarChart, CountTable } from "@/components/staff/BarChart";
import { StaffNav } from "@/components/staff/StaffNav";
import { requireStaff } from "@/lib/auth/session";
import { getDashboard } from "@/lib/staff/get-dashboard";
import { signOut } from "./actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Dashboard", robots: { index: false } };

const deliveryLabels: Record<string, string> = {
  queued: "Queued",
  sending: "Sending now",
  sent: "Sent",
  deferred: "Deferred (will retry)",
  failed: "Failed",
  cancelled: "Cancelled",
};

export default async function DashboardPage({ searchParams }: PageProps<"/staff">) {
  const staff = await requireStaff("staff");
  const campaign = (await searchParams).campaign;
  const data = await getDashboard(staff, typeof campaign === "string" ? campaign : undefined);
  const c = data.campaign;
  const number = new Intl.NumberFormat("en");
  return (
    <div className="staff">
      <StaffNav staff={staff} signOutAction={signOut} />
      <h1>Dashboard{c ? `: ${c.title}` : ""}</h1>
      {data.campaigns.length > 1 && (
        <form method="get" className="inline-form">
          <label htmlFor="campaign">Campaign</label>
          <select id="campaign" name="campaign" defaultValue={c?.slug}>
            {data.campaigns.map((x) => (
              <option key={x.slug} value={x.slug}>
                {x.title} ({x.status})
              </option>
            ))}
          </select>
          <button type="submit">Show</button>
        </form>
      )}
      {!c ? (
        <p>No campaign yet.</p>
      ) : (
        <>
          <section aria-labelledby="totals">
            <h2 id="totals">Totals</h2>
            <p data-testid="dashboard-signatures">
              <strong>{number.format(data.signatures)}</strong> signatures
              {c.goal ? ` of a goal of ${number.format(c.goal)} (${Math.floor((data.signatures / c.goal) * 100)}%)` : ""}
            </p>
            {c.goal ? <progress max={c.goal} value={Math.min(data.signatures, c.goal)} aria-label="Progress to the goal" /> : null}
            <p data-testid="dashboard-letters">
              <strong>{number.format(data.letters)}</strong> letters
            </p>
            <p className="muted">Figures as of {data.computedAt.toISOString().replace("T", " ").slice(0, 19)} UTC, exact at that moment.</p>
            <p>
              <a href={`/staff/export/aggregates?campaign=${encodeURIComponent(c.slug)}`}>Download these figures (CSV)</a>
              {staff.role === "admin" && (
                <>
                  {" · "}
                  <a href={`/staff/export/supporters?campaign=${encodeURIComponent(c.slug)}`}>Supporters who agreed to be contacted (CSV)</a>
                </>
              )}
            </p>
          </section>
          <section aria-labelledby="over-time">
            <h2 id="over-time">Over time</h2>
            <BarChart id="by-day" title="Signatures by day (UTC)" counts={data.byDay} />
            <BarChart id="by-hour" title="Signatures by hour, last 48 hours (UTC)" counts={data.byHour} />
          </section>
          <section aria-labelledby="breakdowns">
            <h2 id="breakdowns">Breakdowns</h2>
            <CountTable caption="Signatures by country" heading="Country" counts={data.byCountry} testId="by-country" />
            <CountTable caption="Letters by addressee" heading="Addressee" counts={data.byAddressee} testId="by-addressee" />
            <CountTable caption="Letters by channel" heading="Channel" counts={data.byChannel} testId="by-channel" />
          </section>
          <section aria-labelledby="delivery">
            <h2 id="delivery">Emails sent by our server</h2>
            <CountTable
              caption="Letters to addressees, by delivery status"
              heading="Status"
              counts={data.delivery.map((d) => ({ key: d.status, label: deliveryLabels[d.status] ?? d.status, count: d.count }))}
              testId="delivery-status"
            />
            {data.deliveryProblems.length > 0 && (
              <table>
                <caption>Why letters were deferred or failed</caption>
                <thead>
                  <tr>
                    <th scope="col">Status</th>
                    <th scope="col">Reason</th>
                    <th scope="col">Messages</th>
                  </tr>
                </thead>
                <tbody>
                  {data.deliveryProblems.map((p) => (
                    <tr key={`${p.status}-${p.reason}`}>
                      <td>{deliveryLabels[p.status] ?? p.status}</td>
                      <td>{p.reason}</td>
                      <td>{p.count}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            <CountTable
              caption="Emails to supporters (confirmation, thank-you, summary)"
              heading="Status"
              counts={data.supporterEmails.map((d) => ({ key: d.status, label: deliveryLabels[d.status] ?? d.status, count: d.count }))}
              testId="supporter-email-status"
            />
          </section>
        </>
      )}
    </div>
  );
}
