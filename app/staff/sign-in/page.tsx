import type { Metadata } from "next";
import { signIn, verifyCode } from "./actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Staff sign-in", robots: { index: false } };

const one = (value: string | string[] | undefined) => (typeof value === "string" ? value : undefined);

function errorText(error: string | undefined, retry: number): string | null {
  if (error === "invalid") return "The email address or password is wrong.";
  if (error === "missing") return "Enter your email address and password.";
  if (error === "code") return "That code is not right. Enter the 6-digit code your authenticator app shows now.";
  if (error === "locked") return `Too many failed attempts. Try again in ${Math.max(1, Math.ceil(retry / 60))} minute(s).`;
  return null;
}

export default async function StaffSignInPage({ searchParams }: PageProps<"/staff/sign-in">) {
  const query = await searchParams;
  const error = errorText(one(query.error), Number(one(query.retry) ?? 0));
  const codeStep = one(query.step) === "code";
  return (
    <div className="narrow">
      <h1>{codeStep ? "Enter your code" : "Staff sign-in"}</h1>
      {error && (
        <p role="alert" className="form-error" id="sign-in-error">
          {error}
        </p>
      )}
      {codeStep ? (
        <form action={verifyCode}>
          <label htmlFor="code">6-digit code from your authenticator app</label>
          <input id="code" name="code" inputMode="numeric" autoComplete="one-time-code" pattern="\d{6}" required aria-describedby={error ? "sign-in-error" : undefined} />
          <button type="submit">Continue</button>
        </form>
      ) : (
        <form action={signIn}>
          <label htmlFor="email">Email address</label>
          <input id="email" name="email" type="email" autoComplete="username" required aria-describedby={error ? "sign-in-error" : undefined} />
          <label htmlFor="password">Password</label>
          <input id="password" name="password" type="password" autoComplete="current-password" required />
          <button type="submit">Sign in</button>
        </form>
      )}
    </div>
  );
}
