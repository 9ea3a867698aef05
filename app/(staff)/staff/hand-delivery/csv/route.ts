import { csvResponse } from "@/lib/http/staff-responses";
import { handDeliveryRoute } from "../pack-route";

export const dynamic = "force-dynamic";

/** /staff/hand-delivery/csv: the pack's figures (letters by country and by day). */
export const GET = handDeliveryRoute(async (pack) => csvResponse(pack.csv(), `${pack.fileStem}-figures.csv`));
