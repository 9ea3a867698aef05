import { NextResponse } from "next/server";
import { buildOpenApiDocument } from "@/lib/http/openapi";

export const dynamic = "force-static";

export function GET() {
  return NextResponse.json(buildOpenApiDocument(), { headers: { "Cache-Control": "public, max-age=300" } });
}
