import type { StaffIdentity } from "@/lib/auth/staff-identity";
import { translator } from "@/lib/i18n/messages";
import { requestLocale, requestPathWithoutLang } from "@/lib/i18n/request-locale";

type NavKey =
  | "dashboard"
  | "updates"
  | "handDelivery"
  | "account"
  | "campaigns"
  | "addressees"
  | "directory"
  | "delivery"
  | "outbox"
  | "audit"
  | "sources";

/** A link and the addresses that belong to it (its own, and the pages under it). */
type NavLink = { key: NavKey; path: string; under?: RegExp };

const staffLinks: NavLink[] = [
  { key: "dashboard", path: "/staff" },
  { key: "updates", path: "/staff/updates", under: /^\/staff\/updates(\/|$)/ },
  { key: "handDelivery", path: "/staff/hand-delivery", under: /^\/staff\/hand-delivery(\/|$)/ },
  { key: "account", path: "/staff/account" },
];
const adminLinks: NavLink[] = [
  { key: "campaigns", path: "/admin", under: /^\/admin\/campaigns(\/|$)/ },
  { key: "addressees", path: "/admin/addressees", under: /^\/admin\/addressees(\/|$)/ },
  { key: "directory", path: "/admin/directory", under: /^\/admin\/directory(\/|$)/ },
  { key: "delivery", path: "/admin/delivery" },
  { key: "outbox", path: "/admin/outbox" },
  { key: "audit", path: "/admin/audit" },
  { key: "sources", path: "/admin/sources", under: /^\/admin\/sources(\/|$)/ },
];

/**
 * How a link relates to the page: "page" when it is this page, "true" when
 * the page lies under it (an editor under its list), else none.
 */
export function currentness(link: NavLink, path: string): "page" | "true" | undefined {
  const bare = path.split("?")[0]!.replace(/\/$/, "") || "/";
  if (bare === link.path) return "page";
  return link.under?.test(bare) ? "true" : undefined;
}

/**
 * The staff area's navigation, drawn once by app/(staff)/layout.tsx for a
 * signed-in caller: admin links only for admins, the current page marked
 * (aria-current), sign-out as a plain form. A list that wraps: no script, and
 * it fits a phone. In the request's interface language; links keep it (`?lang=`).
 */
export async function StaffAreaNav({
  staff,
  signOutAction,
}: {
  staff: StaffIdentity;
  signOutAction: () => Promise<void>;
}) {
  const locale = await requestLocale();
  const path = await requestPathWithoutLang();
  const t = translator(locale, "staff");
  const item = (link: NavLink) => (
    <li key={link.key}>
      <a href={`${link.path}?lang=${locale}`} aria-current={currentness(link, path)}>
        {t(`nav.${link.key}`)}
      </a>
    </li>
  );
  return (
    <nav aria-label={t("nav.label")} className="staff-nav">
      <ul className="staff-nav-links">
        {staffLinks.map(item)}
        {staff.role === "admin" && adminLinks.map(item)}
      </ul>
      <form action={signOutAction} className="staff-nav-account">
        <span>{t("nav.signedInAs", { name: staff.name, role: t(`roles.${staff.role}`) })}</span>{" "}
        <button type="submit">{t("nav.signOut")}</button>
      </form>
    </nav>
  );
}
