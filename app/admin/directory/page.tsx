import type { Metadata } from "next";
import { DirectoryImportForm } from "@/components/admin/DirectoryImportForm";
import { StaffNav } from "@/components/staff/StaffNav";
import { listDirectory } from "@/lib/admin/directory";
import { directoryColumns } from "@/lib/admin/directory-csv";
import { requireStaff } from "@/lib/auth/session";
import { signOut } from "../../staff/actions";
import { importDirectoryAction } from "./actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Embassy directory", robots: { index: false } };

export default async function DirectoryPage() {
  const admin = await requireStaff("admin");
  const entries = await listDirectory(admin);
  return (
    <div className="staff">
      <StaffNav staff={admin} signOutAction={signOut} />
      <h1>Embassy directory</h1>
      <p>Russian embassies and missions by country. Supporters who give their country are offered its embassy.</p>
      <section aria-labelledby="import">
        <h2 id="import">Import from CSV</h2>
        <p>
          Columns: <code>{directoryColumns.join(", ")}</code>. <code>key</code> matches existing entries (updated) or makes new ones; several
          emails are separated by spaces; dates are like 2026-11-23. Every row is checked first: one wrong row and nothing is imported.{" "}
          <a href="/admin/directory/export">Download the directory as CSV</a> to edit it.
        </p>
        <DirectoryImportForm action={importDirectoryAction} />
      </section>
      <table data-testid="directory">
        <caption>{entries.length} embassies and missions</caption>
        <thead>
          <tr>
            <th scope="col">Country</th>
            <th scope="col">Name</th>
            <th scope="col">Emails</th>
            <th scope="col">Status</th>
            <th scope="col">Last verified</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id}>
              <td>{e.country}</td>
              <th scope="row">
                <a href={`/admin/addressees/${e.id}`}>{e.name}</a>
              </th>
              <td>{e.emails.join(", ")}</td>
              <td>{e.status}</td>
              <td>{e.lastVerifiedAt.toISOString().slice(0, 10)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
