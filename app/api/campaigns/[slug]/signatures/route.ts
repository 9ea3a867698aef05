import { NextResponse } from "next/server";
import { campaignParamsSchema } from "@/lib/campaigns/schema";
import { clientAddress } from "@/lib/core/client-address";
import { crossSiteOrigin } from "@/lib/http/cross-site";
import { badParameters, jsonError, withApiErrors } from "@/lib/http/json";
import { readBody } from "@/lib/http/read-body";
import { signatureFormFields } from "@/lib/letters/form-data";
import { signViaApi } from "@/lib/signatures/sign-via-api";

export const dynamic = "force-dynamic";

/** Signs a campaign: the same checks and the same transaction as the letter form. */
export const POST = withApiErrors(
  async (request: Request, context: RouteContext<"/api/campaigns/[slug]/signatures">) => {
    const params = campaignParamsSchema.safeParse(await context.params);
    if (!params.success) return badParameters(params.error);
    if (crossSiteOrigin(request.headers)) {
      return jsonError(
        "cross_site",
        "Signatures cannot be posted from another website's page. Sign on the campaign's own page, or call the API from a server.",
      );
    }
    const body = await readBody(request, signatureFormFields);
    if (!body.ok) {
      return NextResponse.json(
        { error: { code: body.status === 413 ? "too_large" : "bad_request", message: body.message } },
        { status: body.status },
      );
    }
    const answer = await signViaApi(params.data.slug, body.value, clientAddress(request.headers));
    return NextResponse.json(answer.body, {
      status: answer.status,
      headers: { "Cache-Control": "no-store", ...answer.headers },
    });
  },
);
