"use client";
import { useActionState } from "react";

type State =
  | { step: "idle"; message?: string }
  | { step: "confirm"; otpauthUrl: string; secret: string; backupCodes: string[]; message?: string }
  | { step: "on"; message: string }
  | { step: "off"; message: string };

/** Turning two-step sign-in (TOTP) on and off. Needs JavaScript: the secret lives in the form's state between steps. */
export function TwoFactorForm({ enabled, action }: { enabled: boolean; action: (state: State, formData: FormData) => Promise<State> }) {
  const [state, formAction, pending] = useActionState(action, enabled ? ({ step: "on", message: "" } as State) : ({ step: "idle" } as State));
  const message = state.message ? (
    <p role="status" className="form-ok">
      {state.message}
    </p>
  ) : null;
  if (state.step === "confirm") {
    return (
      <form action={formAction}>
        {message}
        <p>Add this account to your authenticator app: open the link on your phone, or type the key.</p>
        <p>
          <a href={state.otpauthUrl}>Add to authenticator app</a>
        </p>
        <p>
          Key: <code data-testid="totp-secret">{state.secret}</code>
        </p>
        <p>Backup codes (each works once if you lose your phone; keep them somewhere safe):</p>
        <ul>
          {state.backupCodes.map((c) => (
            <li key={c}>
              <code>{c}</code>
            </li>
          ))}
        </ul>
        <input type="hidden" name="intent" value="confirm" />
        <label htmlFor="code">Code from the app</label>
        <input id="code" name="code" inputMode="numeric" autoComplete="one-time-code" required />
        <button type="submit" disabled={pending}>
          Turn on
        </button>
      </form>
    );
  }
  const on = state.step === "on";
  return (
    <form action={formAction}>
      {message}
      <p>Two-step sign-in is {on ? "on" : "off"}.</p>
      <input type="hidden" name="intent" value={on ? "off" : "start"} />
      <label htmlFor="password">Your password</label>
      <input id="password" name="password" type="password" autoComplete="current-password" required />
      <button type="submit" disabled={pending}>
        {on ? "Turn off two-step sign-in" : "Set up two-step sign-in"}
      </button>
    </form>
  );
}
