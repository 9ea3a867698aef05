"use server";
// The letter form's server action: a public endpoint. It checks nothing but
// its input and the rate limits; signing needs no account.
import { headers } from "next/headers";
import { z } from "zod";
import { campaignSlugSchema } from "@/lib/campaigns/schema";
import { clientAddress } from "@/lib/core/client-address";
import { requestLocale } from "@/lib/i18n/request-locale";
import { formMessage } from "@/lib/letters/form-messages";
import { requestOrigin } from "@/lib/http/request-origin";
import { formProblem } from "@/lib/letters/schema";
import { handleLetterForm } from "@/lib/signatures/handle-letter-form";
import type { LetterFormState } from "@/lib/signatures/letter-form-state";

const intentSchema = z.enum(["preview", "reset", "language", "send"]).catch("preview");

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
    return { values: {}, message: formMessage(formProblem("campaignMissing"), locale), version: version + 1 };
  // Messages come back in the supporter's language.
  return handleLetterForm({
    slug: parsedSlug.data,
    intent: intentSchema.parse(form.get("intent")),
    form,
    client: clientAddress(await headers()),
    previous: { values: {}, version },
    locale,
    // A supporter who signed over Tor (or a mirror) finds that link first in their emails.
    linkOrigin: (await requestOrigin()).origin,
  });
}
