import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CampaignForm } from "@/components/admin/CampaignForm";
import { StaffNav } from "@/components/staff/StaffNav";
import { getCampaignForEdit } from "@/lib/admin/campaigns";
import { requireStaff } from "@/lib/auth/session";
import { signOut } from "../../../staff/actions";
import { saveCampaignAction } from "../actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Edit campaign", robots: { index: false } };

export default async function EditCampaignPage({ params, searchParams }: PageProps<"/admin/campaigns/[id]">) {
  const admin = await requireStaff("admin");
  const { id } = await params;
  const isNew = id === "new";
  if (!isNew && !/^[0-9a-f-]{36}$/.test(id)) notFound();
  const data = await getCampaignForEdit(admin, isNew ? null : id);
  if (!data) notFound();
  const saved = (await searchParams).saved;
  return (
    <div className="staff">
      <StaffNav staff={admin} signOutAction={signOut} />
      <h1>{data.campaign ? `Edit campaign ${data.campaign.slug}` : "New campaign"}</h1>
      {saved && (
        <p role="status" className="form-ok">
          Saved. {data.campaign?.status === "open" ? "The public page shows the change now." : ""}
        </p>
      )}
      {data.campaign && (
        <p>
          <a href={`/c/${data.campaign.slug}`}>Open the public page</a>
        </p>
      )}
      <CampaignForm key={data.campaign?.version ?? "new"} campaign={data.campaign} addressees={data.addressees} action={saveCampaignAction} />
    </div>
  );
}
