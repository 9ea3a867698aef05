import { WideTable } from "@/components/admin/wide-table";
import { listCampaignsForAdmin } from "@/lib/admin/campaigns";
import { requireStaff } from "@/lib/auth/session";
import { formatNumber } from "@/lib/i18n/messages";
import { adminLanguage, adminMetadata } from "@/lib/i18n/admin-language";

export const dynamic = "force-dynamic";
export const generateMetadata = () => adminMetadata("campaigns.title");

export default async function AdminCampaignsPage() {
  const admin = await requireStaff("admin");
  const campaigns = await listCampaignsForAdmin(admin);
  const { locale, t, href } = await adminLanguage();
  return (
    <>
      <h1>{t("campaigns.title")}</h1>
      <p>
        <a href={href("/admin/campaigns/new")}>{t("campaigns.new")}</a>
      </p>
      <WideTable label={t("campaigns.title")}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t("campaigns.columnTitle")}</th>
              <th scope="col">{t("campaigns.columnAddress")}</th>
              <th scope="col">{t("campaigns.columnStatus")}</th>
              <th scope="col">{t("campaigns.columnLanguages")}</th>
              <th scope="col">{t("campaigns.columnSignatures")}</th>
            </tr>
          </thead>
          <tbody>
            {campaigns.map((c) => (
              <tr key={c.id}>
                <th scope="row">
                  <a href={href(`/admin/campaigns/${c.id}`)}>{c.title}</a>
                </th>
                <td>
                  <a href={`/c/${c.slug}`}>/c/{c.slug}</a>
                </td>
                <td>{t(`campaignStatus.${c.status}`)}</td>
                <td>{c.languages.join(", ")}</td>
                <td>{formatNumber(c.signatures, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </WideTable>
    </>
  );
}
