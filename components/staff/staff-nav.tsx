import type { StaffIdentity } from "@/lib/auth/staff-identity";
import { translator } from "@/lib/i18n/messages";
import { requestLocale } from "@/lib/i18n/request-locale";

/**
 * The staff area's navigation: admin links only for admins. In the request's
 * interface language; the links keep it (`?lang=`), as the site's own links do.
 */
export async function StaffNav({ staff, signOutAction }: { staff: StaffIdentity; signOutAction: () => Promise<void> }) {
  const locale = await requestLocale();
  const t = translator(locale, "staff");
  const lang = `?lang=${locale}`;
  return (
    <nav aria-label={t("nav.label")} className="staff-nav">
      <ul>
        <li>
          <a href={`/staff${lang}`}>{t("nav.dashboard")}</a>
        </li>
        <li>
          <a href={`/staff/account${lang}`}>{t("nav.account")}</a>
        </li>
        {staff.role === "admin" && (
          <>
            <li>
              <a href={`/admin${lang}`}>{t("nav.campaigns")}</a>
            </li>
            <li>
              <a href={`/admin/addressees${lang}`}>{t("nav.addressees")}</a>
            </li>
            <li>
              <a href={`/admin/directory${lang}`}>{t("nav.directory")}</a>
            </li>
            <li>
              <a href={`/admin/delivery${lang}`}>{t("nav.delivery")}</a>
            </li>
            <li>
              <a href={`/admin/audit${lang}`}>{t("nav.audit")}</a>
            </li>
          </>
        )}
      </ul>
      <form action={signOutAction}>
        <span>{t("nav.signedInAs", { name: staff.name, role: t(`roles.${staff.role}`) })}</span>{" "}
        <button type="submit">{t("nav.signOut")}</button>
      </form>
    </nav>
  );
}
