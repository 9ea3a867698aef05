import type { Metadata } from "next";
import { TwoFactorForm } from "@/components/staff/two-factor-form";
import { requireStaff } from "@/lib/auth/session";
import { hasTotp } from "@/lib/auth/two-factor";
import { catalogues, translator } from "@/lib/i18n/messages";
import { requestLocale } from "@/lib/i18n/request-locale";
import { twoFactorAction } from "./actions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: translator(await requestLocale(), "staff")("account.title"), robots: { index: false } };
}

export default async function AccountPage() {
  const staff = await requireStaff("staff");
  const locale = await requestLocale();
  const t = translator(locale, "staff");
  return (
    <>
      <h1>{t("account.title")}</h1>
      <p>{t("account.identity", { name: staff.name, email: staff.email, role: t(`roles.${staff.role}`) })}</p>
      <section aria-labelledby="two-step">
        <h2 id="two-step">{t("account.twoStep")}</h2>
        <p>{t("account.twoStepIntro")}</p>
        <TwoFactorForm
          enabled={await hasTotp(staff)}
          action={twoFactorAction}
          locale={locale}
          messages={{ staff: { twoFactor: catalogues[locale].staff.twoFactor } }}
        />
      </section>
    </>
  );
}
