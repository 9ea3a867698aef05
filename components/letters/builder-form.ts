// What the letter builder's parts share: the translator of the "builder"
// texts, the form's current values and errors, and the live preview and
// values read from the form as the supporter types (with JavaScript).
import { createTranslator } from "use-intl";
import { identityLevels, type IdentityLevel, type SendingChannel } from "@/lib/core/vocabulary";
import type { Messages } from "@/lib/i18n/messages";

export type BuilderMessages = Pick<Messages, "builder" | "thankYou">;

export function builderTranslator(locale: string, messages: BuilderMessages) {
  return createTranslator({ locale, messages, namespace: "builder" });
}
export type BuilderTranslator = ReturnType<typeof builderTranslator>;

/** What every part of the form is given: its texts, the values to show and the errors per field. */
export type FormPartProps = {
  t: BuilderTranslator;
  values: Record<string, unknown>;
  errors: Record<string, string[]>;
};

/** A field's value as text for an input's defaultValue ("" when absent). */
export const textOf = (values: Record<string, unknown>, name: string) =>
  typeof values[name] === "string" ? (values[name] as string) : "";

export const defaultIdentity: IdentityLevel = identityLevels[0];
export const defaultChannel: SendingChannel = "own_email_client";

/** The fields the live preview and the embassy offer follow, read from the form. */
export function valuesOf(form: HTMLFormElement): Record<string, unknown> {
  const data = new FormData(form);
  const text = (name: string) => {
    const v = data.get(name);
    return typeof v === "string" && v.trim() !== "" ? v : undefined;
  };
  return {
    addressees: data.getAll("addressees"),
    language: text("language"),
    subject: data.get("subject"),
    body: data.get("body"),
    personal: text("personal"),
    seed: text("seed"),
    identity: text("identity"),
    name: text("name"),
    city: text("city"),
    country: text("country"),
    channel: text("channel"),
  };
}
