"use server";
import { redirect } from "next/navigation";
import { z } from "zod";
import { campaignSlugSchema } from "@/lib/campaigns/schema";
import { confirmSupporterEmail } from "@/lib/signatures/confirm-supporter-email";

const confirmationRequest = z.object({
  slug: campaignSlugSchema,
  token: z.string().min(1).max(500),
  lang: z
    .string()
    .regex(/^[a-z]{2,3}$/)
    .optional()
    .catch(undefined),
});

/**
 * Public by design: the signed token from the email is the authorisation,
 * checked in confirmSupporterEmail. A POST from a button, so a mail
 * scanner that opens the link cannot send letters in someone's name.
 */
export async function confirmAddress(formData: FormData): Promise<void> {
  const parsed = confirmationRequest.safeParse({
    slug: formData.get("slug"),
    token: formData.get("token"),
    lang: formData.get("lang") ?? undefined,
  });
  if (!parsed.success) redirect("/");
  // The thank-you this queues starts its links where the supporter signed,
  // not at this click's origin (why: lib/delivery/supporter-follow-ups.ts).
  const { outcome, letters, contactOnly } = await confirmSupporterEmail(parsed.data.token);
  const lang = parsed.data.lang ? `&lang=${parsed.data.lang}` : "";
  // A link that confirmed an address alone gets its own words: no letters were at stake.
  const contact = contactOnly ? "&for=contact" : "";
  redirect(`/c/${parsed.data.slug}/confirm?result=${outcome}&letters=${letters}${contact}${lang}`);
}
