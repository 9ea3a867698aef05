import type { Metadata } from "next";
import { StaffNav } from "@/components/staff/StaffNav";
import { listAuditLog } from "@/lib/admin/audit";
import { requireStaff } from "@/lib/auth/session";
import { signOut } from "../../staff/actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Audit log", robots: { index: false } };

export default async function AuditPage({ searchParams }: PageProps<"/admin/audit">) {
  const admin = await requireStaff("admin");
  const before = (await searchParams).before;
  const beforeDate = typeof before === "string" && !Number.isNaN(Date.parse(before)) ? new Date(before) : undefined;
  const lines = await listAuditLog(admin, { before: beforeDate, take: 100 });
  return (
    <div className="staff">
      <StaffNav staff={admin} signOutAction={signOut} />
      <h1>Audit log</h1>
      <p>Every change made by an admin, newest first. The log cannot be edited.</p>
      <ol className="audit-log">
        {lines.map((line) => (
          <li key={line.id} data-testid="audit-line">
            <p>
              <time dateTime={line.at.toISOString()}>{line.at.toISOString().replace("T", " ").slice(0, 19)} UTC</time> · {line.actorEmail} ·{" "}
              <code>{line.action}</code> · {line.entity} {line.entityId ?? ""}
            </p>
            {line.before !== null && (
              <details>
                <summary>Before</summary>
                <pre>{JSON.stringify(line.before, null, 1)}</pre>
              </details>
            )}
            {line.after !== null && (
              <details>
                <summary>After</summary>
                <pre>{JSON.stringify(line.after, null, 1)}</pre>
              </details>
            )}
          </li>
        ))}
      </ol>
      {lines.length === 100 && (
        <p>
          <a href={`/admin/audit?before=${encodeURIComponent(lines.at(-1)!.at.toISOString())}`}>Older entries</a>
        </p>
      )}
    </div>
  );
}
