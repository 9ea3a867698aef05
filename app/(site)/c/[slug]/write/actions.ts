"use server";
// The letter form's server action: a public endpoint. It checks nothing but
// its input and the rate limits; signing needs no account.
import { headers } from "next/headers";
import { z } from "zod";
import { campaignSlugSchema } from "@/lib/campaigns/schema";
import { clientAddress } from "@/lib/core/client-address";
import { translateFieldErrors, translateFormMessage } from "@/lib/i18n/form-errors";
import { requestLocale } from "@/lib/i18n/request-locale";
import { handleLetterForm } from "@/lib/signatures/handle-letter-form";
import type { LetterFormState } from "@/lib/signatures/letter-form-state";

const intentSchema = z.enum(["preview", "reset", "send"]).catch("preview");

export async function letterFormAction(
  slug: string,
  previous: LetterFormState,
  form: FormData,
): Promise<LetterFormState> {
  // Without JavaScript both arguments come back from the form's hidden fields,
  // so they may be anything: only the previous version number is used.
  const version =
    typeof previous?.version === "number" && Number.isSafeInteger(previous.version) ? previous.version : 0;
  const parsedSlug = campaignSlugSchema.safeParse(slug);
  const locale = await requestLocale();
  if (!parsedSlug.success)
    return { values: {}, message: translateFormMessage("This campaign does not exist.", locale), version: version + 1 };
  const state = await handleLetterForm({
    slug: parsedSlug.data,
    intent: intentSchema.parse(form.get("intent")),
    form,
    client: clientAddress(await headers()),
    previous: { values: {}, version },
  });
  // Messages in the supporter's language (the schemas speak English, as the API does).
  return {
    ...state,
    message: state.message && translateFormMessage(state.message, locale),
    fieldErrors: state.fieldErrors && translateFieldErrors(state.fieldErrors, locale),
  };
}
