import { NextResponse } from "next/server";
import { campaignParamsSchema } from "@/lib/campaigns/schema";
import { badParameters, campaignNotFound, apiRoute } from "@/lib/http/json";
import { getPublicTotals } from "@/lib/tallies/get-public-totals";

export const dynamic = "force-dynamic";

/** Totals may be cached for up to 5 seconds by browsers and proxies. */
const totalsCacheControl = "public, max-age=5";

export const GET = apiRoute(async (_request: Request, context: RouteContext<"/api/campaigns/[slug]/totals">) => {
  const params = campaignParamsSchema.safeParse(await context.params);
  if (!params.success) return badParameters(params.error);

  const totals = await getPublicTotals(params.data.slug);
  if (!totals) return campaignNotFound(params.data.slug);
  return NextResponse.json(totals, { headers: { "Cache-Control": totalsCacheControl } });
});
