import { NextResponse } from "next/server";
import { campaignParamsSchema } from "@/lib/campaigns/schema";
import { clientAddress } from "@/lib/core/client-address";
import { canonicalOrigin, originOfRequest } from "@/lib/core/origins";
import { crossSiteOrigin } from "@/lib/http/cross-site";
import { apiErrorResponse, apiRoute, badParameters, bodyRefusal, queryOf } from "@/lib/http/json";
import { readBody } from "@/lib/http/read-body";
import { signatureFormFields } from "@/lib/letters/form-data";
import { apiMessage } from "@/lib/letters/form-messages";
import { signatureApiAnswer } from "@/lib/signatures/present";
import { signatureQuerySchema } from "@/lib/signatures/schema";
import { signCampaign } from "@/lib/signatures/sign-campaign";

export const dynamic = "force-dynamic";

/**
 * Signs a campaign: the same use case as the letter form (sign-campaign.ts).
 * Every valid submission answers alike, 201 with a fresh id; only the same
 * form sent again (its submission key) answers 200 with `duplicate: true`.
 * The links for the other channels come only with `?include=links`.
 */
export const POST = apiRoute(async (request: Request, context: RouteContext<"/api/campaigns/[slug]/signatures">) => {
  const params = campaignParamsSchema.safeParse(await context.params);
  if (!params.success) return badParameters(params.error);
  const query = signatureQuerySchema.safeParse(queryOf(request));
  if (!query.success) return badParameters(query.error);
  if (crossSiteOrigin(request.headers)) {
    return apiErrorResponse({ code: "cross_site", message: apiMessage("crossSite") });
  }
  const body = await readBody(request, signatureFormFields);
  if (!body.ok) return bodyRefusal(body);
  // apiRoute refused any unlisted host; the client's origin starts the supporter's email links and the download links.
  const origin = (originOfRequest(request.headers) ?? canonicalOrigin()).origin;
  const result = await signCampaign({
    slug: params.data.slug,
    values: body.value,
    client: clientAddress(request.headers),
    // An API client can always run the proof of work (altcha-lib solves it in
    // any language's few lines), so here it is required, not traded for a
    // stricter limit as on the form without JavaScript.
    proofOfWork: "required",
    linkOrigin: origin,
  });
  const answer = signatureApiAnswer(result, params.data.slug, {
    links: query.data.include === "links",
    // The download links stay on the origin the client called.
    origin,
  });
  if ("error" in answer) return apiErrorResponse(answer.error);
  return NextResponse.json(answer.body, {
    status: answer.duplicate ? 200 : 201,
    headers: { "Cache-Control": "no-store" },
  });
});
