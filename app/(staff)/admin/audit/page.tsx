import { listAuditLog } from "@/lib/admin/audit";
import { requireStaff } from "@/lib/auth/session";
import { adminLanguage, adminMetadata, formatMoment } from "@/lib/i18n/admin-language";

export const dynamic = "force-dynamic";
export const generateMetadata = () => adminMetadata("audit.title");

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
            {(["before", "after"] as const).map(
              (side) =>
                line[side] !== null && (
                  <details key={side}>
                    <summary>{t(`audit.${side}`)}</summary>
                    <pre>{JSON.stringify(line[side], null, 1)}</pre>
                  </details>
                ),
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
