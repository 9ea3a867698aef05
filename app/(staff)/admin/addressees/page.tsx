import { WideTable } from "@/components/admin/wide-table";
import { listAddressees } from "@/lib/admin/addressees";
import { requireStaff } from "@/lib/auth/session";
import { adminLanguage, adminMetadata, formatDay } from "@/lib/i18n/admin-language";

export const dynamic = "force-dynamic";
export const generateMetadata = () => adminMetadata("addressees.title");

export default async function AddresseesPage() {
  const admin = await requireStaff("admin");
  const addressees = await listAddressees(admin);
  const { locale, t, href } = await adminLanguage();
  return (
    <>
      <h1>{t("addressees.title")}</h1>
      <p>
        <a href={href("/admin/addressees/new")}>{t("addressees.add")}</a>
      </p>
      <WideTable label={t("addressees.title")}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t("addressees.columnName")}</th>
              <th scope="col">{t("addressees.columnRole")}</th>
              <th scope="col">{t("addressees.columnKind")}</th>
              <th scope="col">{t("addressees.columnStatus")}</th>
              <th scope="col">{t("addressees.columnLastVerified")}</th>
              <th scope="col">{t("addressees.columnCampaigns")}</th>
              <th scope="col">{t("addressees.columnUpkeep")}</th>
            </tr>
          </thead>
          <tbody>
            {addressees.map((a) => (
              <tr key={a.id}>
                <th scope="row">
                  <a href={href(`/admin/addressees/${a.id}`)}>{a.name}</a>
                </th>
                <td>{a.role}</td>
                <td>
                  {t(`addresseeKind.${a.kind}`)}
                  {a.country ? ` (${a.country})` : ""}
                </td>
                <td>{t(`addresseeStatus.${a.status}`)}</td>
                <td>
                  <time dateTime={a.lastVerifiedAt.toISOString().slice(0, 10)}>
                    {formatDay(a.lastVerifiedAt, locale)}
                  </time>
                </td>
                <td>{a.campaigns.map((c) => c.campaign.slug).join(", ") || t("common.none")}</td>
                <td data-testid={`upkeep-${a.key}`}>
                  {a.upkeep.verifyBy && (
                    <span className="upkeep-flag">
                      {t("addressees.verifyBy", { date: formatDay(a.upkeep.verifyBy, locale) })}
                    </span>
                  )}
                  {a.upkeep.shared.map((s) => (
                    <span key={s.email} className="upkeep-flag">
                      {t("addressees.sharedWith", { email: s.email, names: s.with.map((o) => o.name).join(", ") })}
                    </span>
                  ))}
                  {!a.upkeep.verifyBy && a.upkeep.shared.length === 0 && t("common.none")}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </WideTable>
    </>
  );
}
