import { SiteFrame } from "@/components/site/site-frame";
import { StaffAreaNav } from "@/components/staff/staff-nav";
import { currentStaff } from "@/lib/auth/session";
import { signOut } from "./staff/actions";

/**
 * The staff and admin area sits in the site's frame (header, language
 * switcher, footer), with one navigation for whoever is signed in. Each page
 * still checks its caller itself (requireStaff), as every route does.
 */
export default async function StaffAreaLayout({ children }: { children: React.ReactNode }) {
  const staff = await currentStaff();
  return (
    <SiteFrame>
      {staff ? (
        <div className="staff">
          <StaffAreaNav staff={staff} signOutAction={signOut} />
          {children}
        </div>
      ) : (
        children
      )}
    </SiteFrame>
  );
}
