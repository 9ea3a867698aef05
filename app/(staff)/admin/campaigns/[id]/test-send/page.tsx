import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { TestSendForm, type TestSendLanguage } from "@/components/admin/test-send-form";
import { testSendOptions } from "@/lib/admin/test-send";
import { requireStaff } from "@/lib/auth/session";
import { languageNames } from "@/lib/i18n/language-names";
import { catalogues } from "@/lib/i18n/messages";
import { adminLanguage } from "@/lib/i18n/admin-language";
import { testSendAction } from "./actions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await adminLanguage();
  return { title: t("testSend.title"), robots: { index: false } };
}

/** "Send me what the addressee would get": one form per letter language, each listing its variants. */
export default async function TestSendPage({ params }: { params: Promise<{ id: string }> }) {
  const admin = await requireStaff("admin");
  const { id } = await params;
  if (!/^[0-9a-f-]{36}$/.test(id)) notFound();
  const options = await testSendOptions(admin, id);
  const { locale, t, href } = await adminLanguage();
  if (!options) {
    return (
      <>
        <h1>{t("testSend.title")}</h1>
        <p role="alert">{t("testSend.notFound")}</p>
      </>
    );
  }
  const languages: TestSendLanguage[] = Object.values(options.builders).map((b) => ({
    code: b.language,
    name: languageNames[b.language] ?? b.language,
    addressees: b.addressees.map((a) => ({ id: a.id, name: a.name, role: a.role })),
    subjects: [b.template.variants.subject, ...b.template.variants.subjectVariants],
    openings: [...b.template.variants.openingVariants],
    closings: [...b.template.variants.closingVariants],
  }));
  return (
    <>
      <h1>{t("testSend.heading", { slug: options.slug })}</h1>
      <p>{t("testSend.intro", { email: admin.email })}</p>
      <p>
        <a href={href(`/admin/campaigns/${id}`)}>{t("campaignEditor.title")}</a>
      </p>
      <TestSendForm
        campaignId={id}
        languages={languages}
        action={testSendAction}
        locale={locale}
        messages={{ admin: catalogues[locale].admin }}
      />
    </>
  );
}
