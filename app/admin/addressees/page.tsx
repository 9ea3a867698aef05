import type { Metadata } from "next";
import { StaffNav } from "@/components/staff/StaffNav";
import { listAddressees } from "@/lib/admin/addressees";
import { requireStaff } from "@/lib/auth/session";
import { signOut } from "../../staff/actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Addressees", robots: { index: false } };

export default async function AddresseesPage() {
  const admin = await requireStaff("admin");
  const addressees = await listAddressees(admin);
  return (
    <div className="staff">
      <StaffNav staff={admin} signOutAction={signOut} />
      <h1>Addressees</h1>
      <p>
        <a href="/admin/addressees/new">Add an addressee</a>
      </p>
      <table>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Role</th>
            <th scope="col">Kind</th>
            <th scope="col">Status</th>
            <th scope="col">Last verified</th>
            <th scope="col">Campaigns</th>
          </tr>
        </thead>
        <tbody>
          {addressees.map((a) => (
            <tr key={a.id}>
              <th scope="row">
                <a href={`/admin/addressees/${a.id}`}>{a.name}</a>
              </th>
              <td>{a.role}</td>
              <td>
                {a.kind}
                {a.country ? ` (${a.country})` : ""}
              </td>
              <td>{a.status}</td>
              <td>{a.lastVerifiedAt.toISOString().slice(0, 10)}</td>
              <td>{a.campaigns.map((c) => c.campaign.slug).join(", ") || "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
