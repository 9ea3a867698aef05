import type { Metadata } from "next";
import { translator } from "@/lib/i18n/messages";
import { requestLocale } from "@/lib/i18n/request-locale";
import { lettersAwaitingConfirmation, readConfirmationToken } from "@/lib/signatures/confirm-supporter-email";
import { confirmAddress } from "./actions";

export const dynamic = "force-dynamic";
export async function generateMetadata(): Promise<Metadata> {
  return { title: translator(await requestLocale(), "confirm")("title"), robots: { index: false } };
}

const answers = {
  confirmed: ["confirmedTitle", "confirmedBody"],
  already_confirmed: ["alreadyTitle", "alreadyBody"],
  already_signed: ["alreadySignedTitle", "alreadySignedBody"],
  nothing_left: ["nothingTitle", "nothingBody"],
  expired: ["expiredTitle", "expiredBody"],
  invalid: ["invalidTitle", "invalidBody"],
} as const;

const one = (value: string | string[] | undefined) => (typeof value === "string" ? value : undefined);

export default async function ConfirmPage({ params, searchParams }: PageProps<"/c/[slug]/confirm">) {
  const { slug } = await params;
  const query = await searchParams;
  const locale = await requestLocale();
  const t = translator(locale, "confirm");
  const back = (
    <p>
      <a href={`/c/${encodeURIComponent(slug)}?lang=${locale}`}>{t("back")}</a>
    </p>
  );
  const answer = (outcome: keyof typeof answers, count: number) => (
    <div>
      <h1>{t(answers[outcome][0])}</h1>
      <p role="status">{t(answers[outcome][1], { count })}</p>
      {back}
    </div>
  );
  const result = one(query.result);
  // Own keys only: "toString" and the like are not outcomes.
  if (result && Object.hasOwn(answers, result))
    return answer(result as keyof typeof answers, Number(one(query.letters) ?? 0));
  // Opening the link only shows the button: confirming is a deliberate act.
  const token = one(query.token);
  const check = token && token.length <= 500 ? readConfirmationToken(token) : "invalid";
  if (check !== "valid") return answer(check, 0);
  // What will go out in this person's name, exactly, before they decide.
  const pending = await lettersAwaitingConfirmation(token!, locale);
  if (!pending) return answer("nothing_left", 0);
  return (
    <div>
      <h1>{t("title")}</h1>
      <p>{t("intro")}</p>
      <h2>{t("toHeading")}</h2>
      <ul>
        {pending.addressees.map((name, index) => (
          <li key={index}>{name}</li>
        ))}
      </ul>
      <h2>{t("exactHeading")}</h2>
      <blockquote className="letter-text" data-testid="letter-to-confirm">
        <p>
          <strong>{pending.subject}</strong>
        </p>
        <p>{pending.text}</p>
      </blockquote>
      <p className={pending.replyToMe ? "warning" : undefined}>{t(pending.replyToMe ? "replyYes" : "replyNo")}</p>
      <form action={confirmAddress}>
        <input type="hidden" name="slug" value={slug} />
        <input type="hidden" name="token" value={token} />
        <input type="hidden" name="lang" value={locale} />
        <button type="submit">{t("button")}</button>
      </form>
      <p>
        <a href={pending.deleteUrl.replace(/^https?:\/\/[^/]+/, "")}>{t("notMe")}</a>
      </p>
      {back}
    </div>
  );
}
