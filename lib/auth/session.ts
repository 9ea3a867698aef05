import "server-only";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { requestLocale } from "@/lib/i18n/request-locale";
import { auth } from "./auth";
import type { StaffRole } from "./schema";
import { issueIdentity, roleAllows, type StaffIdentity } from "./staff-identity";

/** The signed-in staff member of this request, checked against the database each time. */
export async function staffFromHeaders(requestHeaders: Headers): Promise<StaffIdentity | null> {
  const session = await auth().api.getSession({ headers: requestHeaders });
  if (!session) return null;
  const role = (session.user as { role?: string }).role === "admin" ? "admin" : "staff";
  return issueIdentity({ id: session.user.id, email: session.user.email, name: session.user.name, role });
}

export async function currentStaff(): Promise<StaffIdentity | null> {
  // The live cookie store, not the request's Cookie header: after a server
  // action renews the session (two-step sign-in turned on), the page it
  // renders must see the new session cookie.
  const requestHeaders = new Headers(await headers());
  requestHeaders.set("cookie", (await cookies()).toString());
  return staffFromHeaders(requestHeaders);
}

/**
 * For pages and server actions: the signed-in staff member with at least this
 * role, else a redirect to sign in (anonymous) or to the forbidden page.
 */
export async function requireStaff(needed: StaffRole): Promise<StaffIdentity> {
  const staff = await currentStaff();
  // The interface language goes along, as every staff link carries it.
  const lang = `?lang=${await requestLocale()}`;
  if (!staff) redirect(`/staff/sign-in${lang}`);
  if (!roleAllows(staff.role, needed)) redirect(`/staff/forbidden${lang}`);
  return staff;
}

/** For route handlers: the staff member, or the status to answer with. */
export async function staffForRequest(request: Request, needed: StaffRole): Promise<StaffIdentity | 401 | 403> {
  const staff = await staffFromHeaders(request.headers);
  if (!staff) return 401;
  return roleAllows(staff.role, needed) ? staff : 403;
}
