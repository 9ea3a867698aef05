import type { Metadata } from "next";
import { StaffNav } from "@/components/staff/StaffNav";
import { listCampaignsForAdmin } from "@/lib/admin/campaigns";
import { requireStaff } from "@/lib/auth/session";
import { signOut } from "../staff/actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Campaigns", robots: { index: false } };

export default async function AdminCampaignsPage() {
  const admin = await requireStaff("admin");
  const campaigns = await listCampaignsForAdmin(admin);
  return (
    <div className="staff">
      <StaffNav staff={admin} signOutAction={signOut} />
      <h1>Campaigns</h1>
      <p>
        <a href="/admin/campaigns/new">New campaign</a>
      </p>
      <table>
        <thead>
          <tr>
            <th scope="col">Title</th>
            <th scope="col">Address</th>
            <th scope="col">Status</th>
            <th scope="col">Languages</th>
            <th scope="col">Signatures</th>
          </tr>
        </thead>
        <tbody>
          {campaigns.map((c) => (
            <tr key={c.id}>
              <th scope="row">
                <a href={`/admin/campaigns/${c.id}`}>{c.title}</a>
              </th>
              <td>
                <a href={`/c/${c.slug}`}>/c/{c.slug}</a>
              </td>
              <td>{c.status}</td>
              <td>{c.languages.join(", ")}</td>
              <td>{c.signatures}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
