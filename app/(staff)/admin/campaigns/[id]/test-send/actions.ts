"use server";
import { z } from "zod";
import { sendTestLetter } from "@/lib/admin/test-send";
import type { AdminFormState } from "@/lib/admin/form-state";
import { requireStaff } from "@/lib/auth/session";
import { adminLanguage } from "@/lib/i18n/admin-language";

const choice = z
  .string()
  .regex(/^(auto|\d{1,2})$/)
  .transform((v) => (v === "auto" ? ("auto" as const) : Number(v)))
  .catch("auto" as const);
const requestSchema = z.object({
  campaignId: z.uuid(),
  addresseeId: z.uuid(),
  language: z.string().regex(/^[a-z]{2,3}$/),
  subject: choice,
  opening: choice,
  closing: choice,
});

/** Sends the admin a test letter. Admins only: checked here and in sendTestLetter. */
export async function testSendAction(_previous: AdminFormState, formData: FormData): Promise<AdminFormState> {
  const admin = await requireStaff("admin");
  const { t } = await adminLanguage();
  const parsed = requestSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { status: "error", message: t("testSend.notFound") };
  const result = await sendTestLetter(admin, {
    ...parsed.data,
    subjectPrefix: t("testSend.subjectPrefix"),
    sampleName: t("testSend.sampleName"),
  });
  switch (result.outcome) {
    case "sent":
      return { status: "saved", message: t("testSend.sent", { email: result.to, subject: result.subject }) };
    case "not_found":
      return { status: "error", message: t("testSend.notFound") };
    case "no_email":
      return { status: "error", message: t("testSend.noEmail") };
    case "failed":
      return { status: "error", message: t("testSend.failed", { reason: result.reason }) };
  }
}
