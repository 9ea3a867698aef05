import type { Metadata } from "next";
import { requireStaff } from "@/lib/auth/session";
import { describeProblems, problemsByField, problemsOf } from "@/lib/core/errors";
import { getHandDeliveryPage } from "@/lib/hand-delivery/make-hand-delivery-pack";
import { handDeliveryQueryFrom } from "@/lib/hand-delivery/schema";
import { problemTranslator, translator } from "@/lib/i18n/messages";
import { requestLocale } from "@/lib/i18n/request-locale";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: translator(await requestLocale(), "staffHandDelivery")("title"), robots: { index: false } };
}

type SearchParams = Record<string, string | string[] | undefined>;
const fields = ["addressee", "from", "to"] as const;

/**
 * /staff/hand-delivery: staff choose an addressee and a period (a GET form, so
 * the answer is a link they can keep); a valid choice shows how many letters
 * the pack holds and links to its PDF and CSV, a bad one says what is wrong.
 */
export default async function HandDeliveryPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const staff = await requireStaff("staff");
  const locale = await requestLocale();
  const t = translator(locale, "staffHandDelivery");
  const params = await searchParams;
  const asked = fields.some((name) => params[name] !== undefined);
  const query = handDeliveryQueryFrom(params);
  const problems =
    asked && !query.success
      ? describeProblems(problemsByField(problemsOf(query.error)), problemTranslator(locale, "staffFormErrors"))
      : {};
  const { addressees, pack } = await getHandDeliveryPage(staff, asked && query.success ? query.data : null);
  const value = (name: (typeof fields)[number]) => {
    const raw = params[name];
    return (Array.isArray(raw) ? raw[0] : raw) ?? "";
  };
  const invalid = (name: string) =>
    problems[name] ? { "aria-invalid": true as const, "aria-describedby": `${name}-error` } : {};
  const problem = (name: string) =>
    problems[name] ? (
      <p id={`${name}-error`} className="field-error">
        {problems[name]!.join(" ")}
      </p>
    ) : null;
  const link = (kind: "pdf" | "csv") =>
    query.success
      ? `/staff/hand-delivery/${kind}?${new URLSearchParams({ addressee: query.data.addressee, from: query.data.from, to: query.data.to })}`
      : "";
  return (
    <>
      <h1>{t("title")}</h1>
      <p>{t("intro")}</p>
      {Object.keys(problems).length > 0 && (
        <div className="error-summary" role="alert" aria-labelledby="pack-problems">
          <p id="pack-problems">{t("problems")}</p>
          <ul>
            {Object.entries(problems).map(([field, list]) => (
              <li key={field}>
                <a href={`#${field}`}>{list.join(" ")}</a>
              </li>
            ))}
          </ul>
        </div>
      )}
      <form method="get" action="/staff/hand-delivery" noValidate>
        <input type="hidden" name="lang" value={locale} />
        <p>
          <label htmlFor="addressee">{t("addressee")}</label>
          <select id="addressee" name="addressee" defaultValue={value("addressee")} required {...invalid("addressee")}>
            <option value="" />
            {addressees.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name} ({a.key})
              </option>
            ))}
          </select>
        </p>
        {problem("addressee")}
        {(["from", "to"] as const).map((name) => (
          <div key={name}>
            <p>
              <label htmlFor={name}>{t(name)}</label>
              <input id={name} name={name} type="date" defaultValue={value(name)} required {...invalid(name)} />
            </p>
            {problem(name)}
          </div>
        ))}
        <button type="submit">{t("show")}</button>
      </form>
      {pack && !pack.found && (
        <p role="alert" className="form-error">
          {t("unknownAddressee")}
        </p>
      )}
      {pack?.found && (
        <section aria-live="polite" data-testid="hand-delivery-pack">
          <p>{t("count", { count: pack.figures.letters, name: pack.addresseeName })}</p>
          {pack.figures.letters > 0 && (
            <ul>
              <li>
                <a href={link("pdf")} download>
                  {t("downloadPdf")}
                </a>
              </li>
              <li>
                <a href={link("csv")} download>
                  {t("downloadCsv")}
                </a>
              </li>
            </ul>
          )}
        </section>
      )}
    </>
  );
}
