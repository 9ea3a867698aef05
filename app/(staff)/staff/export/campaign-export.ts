import { staffForRequest } from "@/lib/auth/session";
import type { StaffIdentity } from "@/lib/auth/staff-identity";
import type { StaffRole } from "@/lib/auth/schema";
import { campaignSlugSchema as slugSchema } from "@/lib/campaigns/schema";
import { csvResponse, refusal } from "@/lib/http/staff-responses";

/**
 * A staff export's GET handler: the caller's role checked, the campaign named
 * by ?campaign=<slug>, the file made by `csvFor` (null: no such campaign).
 */
export function campaignCsvRoute(
  needed: StaffRole,
  csvFor: (staff: StaffIdentity, slug: string) => Promise<string | null>,
  fileName: (slug: string) => string,
) {
  return async function GET(request: Request): Promise<Response> {
    const staff = await staffForRequest(request, needed);
    if (typeof staff === "number") return refusal(staff);
    const slug = slugSchema.safeParse(new URL(request.url).searchParams.get("campaign"));
    if (!slug.success) return new Response("Choose a campaign (?campaign=slug).\n", { status: 400 });
    const csv = await csvFor(staff, slug.data);
    return csv === null ? new Response("No such campaign.\n", { status: 404 }) : csvResponse(csv, fileName(slug.data));
  };
}
