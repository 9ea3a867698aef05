// A bare route handler that returns a constant (the totals endpoint's baseline).
export const dynamic = "force-dynamic";

export function GET() {
  return Response.json({ ok: true });
}
