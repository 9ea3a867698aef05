import { readLocalOutboxAsAdmin } from "@/lib/admin/delivery-queue";
import { requireStaff } from "@/lib/auth/session";
import { env } from "@/lib/core/env";
import { adminLanguage, adminMetadata, formatMoment } from "@/lib/i18n/admin-language";

export const dynamic = "force-dynamic";
export const generateMetadata = () => adminMetadata("outbox.title");

export default async function LocalOutboxPage() {
  const admin = await requireStaff("admin");
  const mails = await readLocalOutboxAsAdmin(admin);
  const smtp = Boolean(env().SMTP_URL);
  const { locale, t } = await adminLanguage();
  return (
    <>
      <h1>{t("outbox.title")}</h1>
      <p>{smtp ? t("outbox.smtp") : t("outbox.noSmtp")}</p>
      {mails.length === 0 ? (
        <p>{t("outbox.empty")}</p>
      ) : (
        <ol className="outbox" data-testid="local-outbox">
          {mails.map((m) => (
            <li key={m.id}>
              <details>
                <summary>
                  {t("outbox.summary", {
                    date: formatMoment(m.createdAt, locale, { seconds: true }),
                    address: m.toAddress,
                    subject: m.subject,
                  })}
                </summary>
                <pre>{m.text}</pre>
              </details>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
