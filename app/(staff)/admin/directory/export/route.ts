import { directoryCsv } from "@/lib/admin/directory";
import { staffForRequest } from "@/lib/auth/session";
import { csvResponse, refusal } from "@/lib/http/staff-responses";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const admin = await staffForRequest(request, "admin");
  if (typeof admin === "number") return refusal(admin);
  return csvResponse(await directoryCsv(admin), "embassy-directory.csv");
}
