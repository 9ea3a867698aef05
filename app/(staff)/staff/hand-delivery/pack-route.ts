import { staffForRequest } from "@/lib/auth/session";
import { describeProblems, problemsByField, problemsOf } from "@/lib/core/errors";
import { makeHandDeliveryPack, type HandDeliveryPack } from "@/lib/hand-delivery/make-hand-delivery-pack";
import { handDeliveryQueryFrom } from "@/lib/hand-delivery/schema";
import { refusal } from "@/lib/http/staff-responses";
import { problemTranslator } from "@/lib/i18n/messages";

const plain = (text: string, status: number) =>
  new Response(`${text}\n`, {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });

/**
 * A hand-delivery download's GET handler: staff or admin (checked here and in
 * the use case), ?addressee=<id>&from=YYYY-MM-DD&to=YYYY-MM-DD checked by the
 * schema (400 naming each problem), the file made by `answer`.
 */
export function handDeliveryRoute(answer: (pack: Extract<HandDeliveryPack, { found: true }>) => Promise<Response>) {
  return async function GET(request: Request): Promise<Response> {
    const staff = await staffForRequest(request, "staff");
    if (typeof staff === "number") return refusal(staff);
    const query = handDeliveryQueryFrom(new URL(request.url).searchParams);
    if (!query.success) {
      const problems = describeProblems(
        problemsByField(problemsOf(query.error)),
        problemTranslator("en", "staffFormErrors"),
      );
      return plain(
        Object.entries(problems)
          .map(([field, list]) => `${field}: ${list.join(" ")}`)
          .join("\n"),
        400,
      );
    }
    const pack = await makeHandDeliveryPack(staff, query.data);
    if (!pack.found) return plain("No such addressee.", 404);
    return answer(pack);
  };
}
