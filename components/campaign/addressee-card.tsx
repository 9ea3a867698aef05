import type { PublicAddressee } from "@/lib/campaigns/schema";
import { formatDate, translator } from "@/lib/i18n/messages";

/** One addressee and every way the appeal gives to reach them. */
export function AddresseeCard({ addressee, locale }: { addressee: PublicAddressee; locale: string }) {
  const t = translator(locale, "campaign");
  return (
    <li className="addressee" data-testid="addressee">
      <h3>{addressee.name}</h3>
      <p className="role">
        {addressee.role}
        {addressee.organisation && addressee.organisation !== addressee.role ? `, ${addressee.organisation}` : null}
      </p>
      <dl className="contacts">
        {addressee.emails.length > 0 ? (
          <>
            <dt>{t("email")}</dt>
            {addressee.emails.map((email) => (
              <dd key={email}>
                <a href={`mailto:${email}`}>{email}</a>
              </dd>
            ))}
          </>
        ) : null}
        {addressee.xHandle ? (
          <>
            <dt>{t("x")}</dt>
            <dd>
              <a href={`https://x.com/${addressee.xHandle}`} rel="noreferrer noopener">
                @{addressee.xHandle}
              </a>
            </dd>
          </>
        ) : null}
        {addressee.webFormUrl ? (
          <>
            <dt>{t("webForm")}</dt>
            <dd>
              <a href={addressee.webFormUrl} rel="noreferrer noopener">
                {addressee.webFormUrl}
              </a>
            </dd>
          </>
        ) : null}
        <dt>{t("post")}</dt>
        <dd className={addressee.postalAddress ? "postal" : "missing"}>
          {addressee.postalAddress ?? t("noPostalAddress")}
        </dd>
      </dl>
      <p className="small">{t("lastVerified", { date: formatDate(addressee.lastVerifiedOn, locale) })}</p>
    </li>
  );
}
