"use client";
import { useActionState } from "react";
import { createTranslator } from "use-intl";
import type { Messages } from "@/lib/i18n/messages";

type State =
  | { step: "idle"; message?: string }
  | { step: "confirm"; otpauthUrl: string; secret: string; backupCodes: string[]; message?: string }
  | { step: "on"; message: string }
  | { step: "off"; message: string };

/** The form's texts: only its own part of the staff catalogue reaches the browser. */
export type TwoFactorMessages = { staff: { twoFactor: Messages["staff"]["twoFactor"] } };

type Props = {
  enabled: boolean;
  action: (state: State, formData: FormData) => Promise<State>;
  /** The interface language and its texts (the action's messages come already translated). */
  locale: string;
  messages: TwoFactorMessages;
};

/** Turning two-step sign-in (TOTP) on and off. Needs JavaScript: the secret lives in the form's state between steps. */
export function TwoFactorForm({ enabled, action, locale, messages }: Props) {
  const t = createTranslator({ locale, messages, namespace: "staff.twoFactor" });
  const [state, formAction, pending] = useActionState(
    action,
    enabled ? ({ step: "on", message: "" } as State) : ({ step: "idle" } as State),
  );
  const message = state.message ? (
    <p role="status" className="form-ok">
      {state.message}
    </p>
  ) : null;
  if (state.step === "confirm") {
    return (
      <form action={formAction}>
        {message}
        <p>{t("addAccount")}</p>
        <p>
          <a href={state.otpauthUrl}>{t("addLink")}</a>
        </p>
        <p>
          {t("key")} <code data-testid="totp-secret">{state.secret}</code>
        </p>
        <p>{t("backupCodes")}</p>
        <ul>
          {state.backupCodes.map((c) => (
            <li key={c}>
              <code>{c}</code>
            </li>
          ))}
        </ul>
        <input type="hidden" name="intent" value="confirm" />
        <label htmlFor="code">{t("code")}</label>
        <input id="code" name="code" inputMode="numeric" autoComplete="one-time-code" required />
        <button type="submit" disabled={pending}>
          {t("turnOn")}
        </button>
      </form>
    );
  }
  const on = state.step === "on";
  return (
    <form action={formAction}>
      {message}
      <p>{on ? t("isOn") : t("isOff")}</p>
      <input type="hidden" name="intent" value={on ? "off" : "start"} />
      <label htmlFor="password">{t("password")}</label>
      <input id="password" name="password" type="password" autoComplete="current-password" required />
      <button type="submit" disabled={pending}>
        {on ? t("turnOff") : t("setUp")}
      </button>
    </form>
  );
}
