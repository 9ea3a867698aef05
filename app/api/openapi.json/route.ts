import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/http/json";
import { buildOpenApiDocument } from "@/lib/http/openapi";

// Per request, not prerendered: its security headers (HSTS) follow the
// running server's PUBLIC_URL, not the build's. The document is built once.
export const dynamic = "force-dynamic";

let document: string | undefined;

export const GET = apiRoute(async () => {
  document ??= JSON.stringify(buildOpenApiDocument());
  return new NextResponse(document, {
    headers: { "Content-Type": "application/json", "Cache-Control": "public, max-age=300" },
  });
});
