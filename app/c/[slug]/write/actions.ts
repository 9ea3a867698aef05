"use server";
// The letter form's server action: a public endpoint. It checks nothing but
// its input and the rate limits; signing needs no account.
import { headers } from "next/headers";
import { z } from "zod";
import { campaignSlugSchema } from "@/lib/campaigns/schema";
import { clientAddress } from "@/lib/http/client-address";
import { handleLetterForm } from "@/lib/signatures/handle-letter-form";
import type { LetterFormState } from "@/lib/signatures/letter-form-state";

const intentSchema = z.enum(["preview", "reset", "send"]).catch("preview");

export async function letterFormAction(slug: string, previous: LetterFormState, form: FormData): Promise<LetterFormState> {
  const parsedSlug = campaignSlugSchema.safeParse(slug);
  if (!parsedSlug.success) return { ...previous, message: "This campaign does not exist.", version: previous.version + 1 };
  return handleLetterForm({
    slug: parsedSlug.data,
    intent: intentSchema.parse(form.get("intent")),
    form,
    client: clientAddress(await headers()),
    previous,
  });
}
