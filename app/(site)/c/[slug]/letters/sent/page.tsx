import type { Metadata } from "next";
import { translator } from "@/lib/i18n/messages";
import { requestLocale } from "@/lib/i18n/request-locale";
import { reportValidDays } from "@/lib/letters/report-letters-sent";

export const dynamic = "force-dynamic";
export async function generateMetadata(): Promise<Metadata> {
  return { title: translator(await requestLocale(), "lettersSent")("metaTitle"), robots: { index: false } };
}

/** What the "I sent them" report answered (./report/route.ts); known outcomes only, never text from the address. */
const answers = {
  counted: ["countedTitle", "counted"],
  already: ["alreadyTitle", "already"],
  none_chosen: ["noneTitle", "none"],
  expired: ["expiredTitle", "expired"],
  refused: ["refusedTitle", "refused"],
} as const;

export default async function LettersSentPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { slug } = await params;
  const { result, letters } = await searchParams;
  const locale = await requestLocale();
  const t = translator(locale, "lettersSent");
  // Own keys only: "toString" and the like are not outcomes.
  const outcome =
    typeof result === "string" && Object.hasOwn(answers, result) ? (result as keyof typeof answers) : "refused";
  const count = Math.max(0, Math.min(100, Number.parseInt(typeof letters === "string" ? letters : "", 10) || 0));
  return (
    <div>
      <h1>{t(answers[outcome][0])}</h1>
      <p role="status">{t(answers[outcome][1], { count, days: reportValidDays })}</p>
      <p>
        <a href={`/c/${encodeURIComponent(slug)}?lang=${locale}`}>{t("back")}</a>
      </p>
    </div>
  );
}
