"use server";
import { redirect } from "next/navigation";
import { deleteSupporterDataWithLink } from "@/lib/signatures/delete-supporter-data";
import { deletionRequestSchema } from "./schema";

/**
 * A public endpoint by design: the signed token in the email link is the
 * authorisation, checked in the domain function. A POST, so a mail scanner
 * that follows the link deletes nothing.
 */
export async function deleteMyData(formData: FormData): Promise<void> {
  const parsed = deletionRequestSchema.safeParse({
    token: formData.get("token"),
    lang: formData.get("lang") ?? undefined,
  });
  const lang = parsed.success && parsed.data.lang ? `&lang=${parsed.data.lang}` : "";
  if (!parsed.success) redirect(`/privacy/delete?result=invalid${lang}`);
  const result = await deleteSupporterDataWithLink(parsed.data.token);
  const cancelled = result.outcome === "deleted" ? `&cancelled=${result.cancelledLetters}` : "";
  redirect(`/privacy/delete?result=${result.outcome}${cancelled}${lang}`);
}
