import { notFound } from "next/navigation";
import { CampaignForm } from "@/components/admin/campaign-form";
import { getCampaignForEdit } from "@/lib/admin/campaigns";
import { requireStaff } from "@/lib/auth/session";
import { catalogues } from "@/lib/i18n/messages";
import { adminLanguage, adminMetadata } from "@/lib/i18n/admin-language";
import { saveCampaignAction } from "../actions";

export const dynamic = "force-dynamic";
export const generateMetadata = () => adminMetadata("campaignEditor.title");

export default async function EditCampaignPage({ params, searchParams }: PageProps<"/admin/campaigns/[id]">) {
  const admin = await requireStaff("admin");
  const { id } = await params;
  const isNew = id === "new";
  if (!isNew && !/^[0-9a-f-]{36}$/.test(id)) notFound();
  const data = await getCampaignForEdit(admin, isNew ? null : id);
  if (!data) notFound();
  const saved = (await searchParams).saved;
  const { locale, t } = await adminLanguage();
  return (
    <>
      <h1>
        {data.campaign ? t("campaignEditor.editHeading", { slug: data.campaign.slug }) : t("campaignEditor.newHeading")}
      </h1>
      {saved && (
        <p role="status" className="form-ok">
          {data.campaign?.status === "open" ? t("campaignEditor.savedOpen") : t("campaignEditor.saved")}
        </p>
      )}
      {data.campaign && (
        <p>
          <a href={`/c/${data.campaign.slug}`}>{t("campaignEditor.openPublicPage")}</a>
          {" · "}
          <a href={`/admin/campaigns/${data.campaign.id}/test-send?lang=${locale}`}>
            {t("campaignEditor.testSendLink")}
          </a>
        </p>
      )}
      <CampaignForm
        key={data.campaign?.version ?? "new"}
        campaign={data.campaign}
        addressees={data.addressees}
        action={saveCampaignAction}
        locale={locale}
        messages={{ admin: catalogues[locale].admin }}
      />
    </>
  );
}
