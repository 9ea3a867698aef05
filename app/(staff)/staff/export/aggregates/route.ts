import { staffForRequest } from "@/lib/auth/session";
import { campaignSlugSchema as slugSchema } from "@/lib/campaigns/schema";
import { aggregatesCsv } from "@/lib/staff/export-csv";
import { csvResponse, refusal } from "@/lib/http/staff-responses";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const staff = await staffForRequest(request, "staff");
  if (typeof staff === "number") return refusal(staff);
  const slug = slugSchema.safeParse(new URL(request.url).searchParams.get("campaign"));
  if (!slug.success) return new Response("Choose a campaign (?campaign=slug).\n", { status: 400 });
  const csv = await aggregatesCsv(staff, slug.data);
  return csv === null
    ? new Response("No such campaign.\n", { status: 404 })
    : csvResponse(csv, `${slug.data}-figures.csv`);
}
