import { handDeliveryRoute } from "../pack-route";

export const dynamic = "force-dynamic";

/** /staff/hand-delivery/pdf: the pack's PDF (cover page, then one page per letter). */
export const GET = handDeliveryRoute(
  async (pack) =>
    new Response(new Uint8Array(await pack.pdf()), {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Disposition": `attachment; filename="${pack.fileStem}.pdf"`,
        "Cache-Control": "no-store",
      },
    }),
);
