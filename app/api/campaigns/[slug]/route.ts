import { NextResponse } from "next/server";
import { getPublicCampaign } from "@/lib/campaigns/get-public-campaign";
import { campaignQuerySchema, campaignParamsSchema } from "@/lib/campaigns/schema";
import { badParameters, campaignNotFound, queryOf, apiRoute } from "@/lib/http/json";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async (request: Request, context: RouteContext<"/api/campaigns/[slug]">) => {
  const params = campaignParamsSchema.safeParse(await context.params);
  if (!params.success) return badParameters(params.error);
  const query = campaignQuerySchema.safeParse(queryOf(request));
  if (!query.success) return badParameters(query.error);

  const campaign = await getPublicCampaign(params.data.slug, query.data.lang);
  if (!campaign) return campaignNotFound(params.data.slug);
  return NextResponse.json(campaign, { headers: { "Cache-Control": "no-store" } });
});
