import type { Metadata } from "next";
import { StaffNav } from "@/components/staff/StaffNav";
import { TwoFactorForm } from "@/components/staff/TwoFactorForm";
import { requireStaff } from "@/lib/auth/session";
import { hasTotp } from "@/lib/auth/two-factor";
import { signOut } from "../actions";
import { twoFactorAction } from "./actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Your account", robots: { index: false } };

export default async function AccountPage() {
  const staff = await requireStaff("staff");
  return (
    <div className="staff">
      <StaffNav staff={staff} signOutAction={signOut} />
      <h1>Your account</h1>
      <p>
        {staff.name}, {staff.email} ({staff.role})
      </p>
      <section aria-labelledby="two-step">
        <h2 id="two-step">Two-step sign-in</h2>
        <p>With it on, signing in also asks for a 6-digit code from an authenticator app on your phone.</p>
        <TwoFactorForm enabled={await hasTotp(staff)} action={twoFactorAction} />
      </section>
    </div>
  );
}
