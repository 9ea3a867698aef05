import type { Metadata } from "next";
import { listAuditLog } from "@/lib/admin/audit";
import { requireStaff } from "@/lib/auth/session";
import { adminLanguage, adminTitle, formatMoment } from "@/lib/i18n/admin-language";

export const dynamic = "force-dynamic";
export async function generateMetadata(): Promise<Metadata> {
  return { title: await adminTitle("audit.title"), robots: { index: false } };
}

export default async function AuditPage({ searchParams }: PageProps<"/admin/audit">) {
  const admin = await requireStaff("admin");
  const before = (await searchParams).before;
  const beforeDate = typeof before === "string" && !Number.isNaN(Date.parse(before)) ? new Date(before) : undefined;
  const lines = await listAuditLog(admin, { before: beforeDate, take: 100 });
  const { locale, t, href } = await adminLanguage();
  return (
    <>
      <h1>{t("audit.title")}</h1>
      <p>{t("audit.intro")}</p>
      <ol className="audit-log">
        {lines.map((line) => (
          <li key={line.id} data-testid="audit-line">
            <p>
              <time dateTime={line.at.toISOString()}>{formatMoment(line.at, locale, { seconds: true })}</time> ·{" "}
              {line.actorEmail} · <code>{line.action}</code> · {line.entity} {line.entityId ?? ""}
            </p>
            {line.before !== null && (
              <details>
                <summary>{t("audit.before")}</summary>
                <pre>{JSON.stringify(line.before, null, 1)}</pre>
              </details>
            )}
            {line.after !== null && (
              <details>
                <summary>{t("audit.after")}</summary>
                <pre>{JSON.stringify(line.after, null, 1)}</pre>
              </details>
            )}
          </li>
        ))}
      </ol>
      {lines.length === 100 && (
        <p>
          <a href={href(`/admin/audit?before=${encodeURIComponent(lines.at(-1)!.at.toISOString())}`)}>
            {t("audit.older")}
          </a>
        </p>
      )}
    </>
  );
}
