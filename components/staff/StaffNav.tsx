import type { StaffIdentity } from "@/lib/auth/staff-identity";

/** The staff area's navigation: admin links only for admins. */
export function StaffNav({ staff, signOutAction }: { staff: StaffIdentity; signOutAction: () => Promise<void> }) {
  return (
    <nav aria-label="Staff" className="staff-nav">
      <ul>
        <li>
          <a href="/staff">Dashboard</a>
        </li>
        <li>
          <a href="/staff/account">Your account</a>
        </li>
        {staff.role === "admin" && (
          <>
            <li>
              <a href="/admin">Campaigns</a>
            </li>
            <li>
              <a href="/admin/addressees">Addressees</a>
            </li>
            <li>
              <a href="/admin/directory">Embassy directory</a>
            </li>
            <li>
              <a href="/admin/delivery">Delivery queue</a>
            </li>
            <li>
              <a href="/admin/audit">Audit log</a>
            </li>
          </>
        )}
      </ul>
      <form action={signOutAction}>
        <span>
          {staff.name} ({staff.role})
        </span>{" "}
        <button type="submit">Sign out</button>
      </form>
    </nav>
  );
}
