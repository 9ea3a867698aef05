import { NextResponse } from "next/server";
import { listOpenCampaigns } from "@/lib/campaigns/list-open-campaigns";
import { campaignQuerySchema } from "@/lib/campaigns/schema";
import { badParameters, queryOf, apiRoute } from "@/lib/http/json";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async (request: Request) => {
  const query = campaignQuerySchema.safeParse(queryOf(request));
  if (!query.success) return badParameters(query.error);
  const campaigns = await listOpenCampaigns(query.data.lang);
  return NextResponse.json({ campaigns }, { headers: { "Cache-Control": "no-store" } });
});
