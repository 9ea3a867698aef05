import type { Metadata } from "next";
import { translator } from "@/lib/i18n/messages";
import { requestLocale } from "@/lib/i18n/request-locale";
import { confirmationToShow, readConfirmationToken } from "@/lib/signatures/confirm-supporter-email";
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

// A link that confirms an address alone (a signature without letters for us
// to send, whose supporter agreed to be contacted; "for=contact"): no letters
// were at stake, so these answers say what happened to the address instead.
const contactBodies = {
  confirmed: "contactConfirmedBody",
  already_confirmed: "contactAlreadyBody",
  already_signed: "contactAlreadySignedBody",
  nothing_left: "contactNothingBody",
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
  const answer = (outcome: keyof typeof answers, count: number, contact = false) => (
    <div>
      <h1>{t(answers[outcome][0])}</h1>
      <p role="status">
        {t(
          contact && Object.hasOwn(contactBodies, outcome)
            ? contactBodies[outcome as keyof typeof contactBodies]
            : answers[outcome][1],
          { count },
        )}
      </p>
      {back}
    </div>
  );
  const result = one(query.result);
  // Own keys only: "toString" and the like are not outcomes.
  if (result && Object.hasOwn(answers, result))
    return answer(result as keyof typeof answers, Number(one(query.letters) ?? 0), one(query.for) === "contact");
  // Opening the link only shows the button: confirming is a deliberate act.
  const token = one(query.token);
  const check = token && token.length <= 500 ? readConfirmationToken(token) : "invalid";
  if (check !== "valid") return answer(check, 0);
  // What will go out in this person's name, exactly, before they decide;
  // or, without letters, that nothing will.
  const pending = await confirmationToShow(token!, locale);
  const form = (button: "button" | "contactButton") => (
    <form action={confirmAddress}>
      <input type="hidden" name="slug" value={slug} />
      <input type="hidden" name="token" value={token} />
      <input type="hidden" name="lang" value={locale} />
      <button type="submit">{t(button)}</button>
    </form>
  );
  const notMe = (deletePath: string) => (
    <p>
      <a href={deletePath}>{t("notMe")}</a>
    </p>
  );
  if (pending.kind === "contact")
    return (
      <div>
        <h1>{t("title")}</h1>
        <p>{t("contactIntro")}</p>
        <p>
          <strong>{t("contactNothingSent")}</strong>
        </p>
        {form("contactButton")}
        {notMe(pending.deletePath)}
        {back}
      </div>
    );
  if (pending.kind !== "letters")
    return answer(
      pending.kind === "contact_already_confirmed" ? "already_confirmed" : "nothing_left",
      0,
      pending.kind !== "nothing_left",
    );
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
      {form("button")}
      {notMe(pending.deletePath)}
      {back}
    </div>
  );
}
