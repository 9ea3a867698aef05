import type { Metadata } from "next";
import { translator } from "@/lib/i18n/messages";
import { requestLocale } from "@/lib/i18n/request-locale";
import { signIn, verifyCode } from "./actions";

export const dynamic = "force-dynamic";

const one = (value: string | string[] | undefined) => (typeof value === "string" ? value : undefined);

export async function generateMetadata(): Promise<Metadata> {
  return { title: translator(await requestLocale(), "staff")("signIn.title"), robots: { index: false } };
}

type T = ReturnType<typeof translator<"staff">>;

function errorText(t: T, error: string | undefined, retry: number): string | null {
  if (error === "invalid") return t("signIn.wrongPassword");
  if (error === "missing") return t("signIn.missing");
  if (error === "code") return t("signIn.wrongCode");
  if (error === "locked")
    return t("signIn.locked", { minutes: Math.max(1, Math.ceil((Number.isFinite(retry) ? retry : 0) / 60)) });
  return null;
}

export default async function StaffSignInPage({ searchParams }: PageProps<"/staff/sign-in">) {
  const query = await searchParams;
  const t = translator(await requestLocale(), "staff");
  const error = errorText(t, one(query.error), Number(one(query.retry) ?? 0));
  const codeStep = one(query.step) === "code";
  return (
    <div className="narrow">
      <h1>{codeStep ? t("signIn.codeTitle") : t("signIn.title")}</h1>
      {error && (
        <p role="alert" className="form-error" id="sign-in-error">
          {error}
        </p>
      )}
      {codeStep ? (
        <form action={verifyCode} className="sign-in">
          <label htmlFor="code">{t("signIn.code")}</label>
          <input
            id="code"
            name="code"
            inputMode="numeric"
            autoComplete="one-time-code"
            pattern="\d{6}"
            required
            aria-describedby={error ? "sign-in-error" : undefined}
          />
          <button type="submit">{t("signIn.continue")}</button>
        </form>
      ) : (
        <form action={signIn} className="sign-in">
          <label htmlFor="email">{t("signIn.email")}</label>
          <input
            id="email"
            name="email"
            type="email"
            autoComplete="username"
            required
            aria-describedby={error ? "sign-in-error" : undefined}
          />
          <label htmlFor="password">{t("signIn.password")}</label>
          <input id="password" name="password" type="password" autoComplete="current-password" required />
          <button type="submit">{t("signIn.submit")}</button>
        </form>
      )}
    </div>
  );
}
