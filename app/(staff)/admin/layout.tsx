import { StaffNav } from "@/components/staff/staff-nav";
import { requireStaff } from "@/lib/auth/session";
import { signOut } from "../staff/actions";

/**
 * The admin pages' frame: the staff navigation with its sign-out form. Each
 * page still checks its caller itself (requireStaff), as every route does.
 */
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const admin = await requireStaff("admin");
  return (
    <div className="staff">
      <StaffNav staff={admin} signOutAction={signOut} />
      {children}
    </div>
  );
}
