import { notFound } from "next/navigation";
import { AddresseeForm, type AddresseeFormValues } from "@/components/admin/addressee-form";
import { getAddresseeForEdit, getAddresseeUpkeep, type Upkeep } from "@/lib/admin/addressees";
import { verifyEveryDays } from "@/lib/admin/upkeep";
import { requireStaff } from "@/lib/auth/session";
import { catalogues } from "@/lib/i18n/messages";
import { adminLanguage, adminMetadata, formatDay } from "@/lib/i18n/admin-language";
import { saveAddresseeAction } from "../actions";

export const dynamic = "force-dynamic";
export const generateMetadata = () => adminMetadata("addresseeEditor.title");

const blank: AddresseeFormValues = {
  id: null,
  version: null,
  key: "",
  name: "",
  role: "",
  organisation: "",
  kind: "official",
  country: "",
  emails: "",
  xHandle: "",
  postalAddress: "",
  webFormUrl: "",
  salutation: "",
  lastVerifiedAt: new Date().toISOString().slice(0, 10),
  status: "active",
  timeZone: "UTC",
  officeHours: "9-18",
  officeDays: "1,2,3,4,5",
  hourlyCap: "30",
  deliveryMode: "each_letter",
  digestFormat: "pdf_attachment",
  fallback: "",
  translations: [],
};

export default async function EditAddresseePage({ params, searchParams }: PageProps<"/admin/addressees/[id]">) {
  const admin = await requireStaff("admin");
  const { id } = await params;
  const query = await searchParams;
  const { locale, t, href } = await adminLanguage();
  let values = blank;
  let campaigns: string[] = [];
  let upkeep: Upkeep | null = null;
  if (id !== "new") {
    const row = /^[0-9a-f-]{36}$/.test(id) ? await getAddresseeForEdit(admin, id) : null;
    if (!row) notFound();
    upkeep = await getAddresseeUpkeep(admin, row);
    campaigns = row.campaigns.map((c) => `${c.campaign.slug} (${t(`campaignStatus.${c.campaign.status}`)})`);
    values = {
      id: row.id,
      version: row.updatedAt.toISOString(),
      key: row.key,
      name: row.name,
      role: row.role,
      organisation: row.organisation ?? "",
      kind: row.kind,
      country: row.country ?? "",
      emails: row.emails.join("\n"),
      xHandle: row.xHandle ?? "",
      postalAddress: row.postalAddress ?? "",
      webFormUrl: row.webFormUrl ?? "",
      salutation: row.salutation ?? "",
      lastVerifiedAt: row.lastVerifiedAt.toISOString().slice(0, 10),
      status: row.status,
      timeZone: row.timeZone,
      officeHours: row.officeHours,
      officeDays: row.officeDays.join(","),
      hourlyCap: String(row.hourlyCap),
      deliveryMode: row.deliveryMode,
      digestFormat: row.digestFormat,
      fallback: row.fallback ?? "",
      translations: row.translations.map((tr) => ({
        ...tr,
        salutation: tr.salutation ?? "",
        organisation: tr.organisation ?? "",
      })),
    };
  }
  return (
    <>
      <h1>{values.id ? t("addresseeEditor.editHeading", { name: values.name }) : t("addresseeEditor.newHeading")}</h1>
      {(query.saved || query.created) && (
        <p role="status" className="form-ok">
          {query.created ? t("addresseeEditor.created") : t("addresseeEditor.saved")}
        </p>
      )}
      {upkeep?.verifyBy && (
        <p className="warning" data-testid="verify-warning">
          {t("addresseeEditor.verifyWarning", {
            date: formatDay(new Date(`${values.lastVerifiedAt}T00:00:00Z`), locale),
            days: verifyEveryDays,
          })}
        </p>
      )}
      {upkeep?.shared.map((s) => (
        <p key={s.email} className="warning" data-testid="shared-warning">
          {t("addresseeEditor.sharedWarning", { email: s.email, names: s.with.map((o) => o.name).join(", ") })}{" "}
          {s.with.map((o, i) => (
            <span key={o.id}>
              {i > 0 && ", "}
              <a href={href(`/admin/addressees/${o.id}`)}>{t("addresseeEditor.openOther", { name: o.name })}</a>
            </span>
          ))}
        </p>
      ))}
      {values.id && (
        <p>{t("addresseeEditor.usedBy", { campaigns: campaigns.join(", ") || t("addresseeEditor.noCampaign") })}</p>
      )}
      <AddresseeForm
        key={values.version ?? "new"}
        values={values}
        action={saveAddresseeAction}
        locale={locale}
        messages={{ admin: catalogues[locale].admin }}
      />
      <p>
        <a href={href("/admin/addressees")}>{t("addresseeEditor.back")}</a>
      </p>
    </>
  );
}
