"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireStaff } from "@/lib/auth/session";
import { previewOutcomeUpdate, sendOutcomeUpdate, updateLimits } from "@/lib/follow-ups/send-outcome-update";
import type { UpdateProblem } from "@/lib/follow-ups/send-outcome-update";
import { translator } from "@/lib/i18n/messages";
import { requestLocale } from "@/lib/i18n/request-locale";
import type { UpdateFormState } from "@/components/staff/outcome-update-form-state";

const form = z.object({
  intent: z.enum(["preview", "send", "edit"]),
  // "<campaign id>:<language>", one choice of the form's list.
  target: z.string().regex(/^[0-9a-f-]{36}:[a-z]{2,8}(-[A-Za-z0-9]{1,8})?$/),
  // Lengths are the domain's to judge (updateLimits), so an over-long text is
  // named and kept; this only bounds what is read (server actions take 1 MB).
  subject: z.string().max(1_000_000),
  body: z.string().max(1_000_000),
  expected: z.coerce.number().int().min(0).optional(),
});

const fieldOf: Record<UpdateProblem, "subject" | "body"> = {
  subjectMissing: "subject",
  subjectTooLong: "subject",
  subjectOneLine: "subject",
  bodyMissing: "body",
  bodyTooLong: "body",
};

/**
 * The outcome update, step by step: preview (sends nothing), then send to
 * the number shown, or back to edit. Campaign staff and admins: checked here
 * and in lib/follow-ups. Messages are in the staff member's interface language.
 */
export async function outcomeUpdateAction(_previous: UpdateFormState, formData: FormData): Promise<UpdateFormState> {
  const staff = await requireStaff("staff");
  const t = translator(await requestLocale(), "staffUpdates");
  const parsed = form.safeParse({
    intent: formData.get("intent"),
    target: formData.get("target"),
    subject: formData.get("subject") ?? "",
    body: formData.get("body") ?? "",
    expected: formData.get("expected") ?? undefined,
  });
  if (!parsed.success) {
    // An unknown campaign choice: say so, and keep whatever text came with it.
    const text = (name: string) => String(formData.get(name) ?? "").slice(0, 1_000_000);
    return {
      step: "edit",
      draft: { target: "", subject: text("subject"), body: text("body") },
      message: t("notFound"),
    };
  }
  const { intent, target, subject, body, expected } = parsed.data;
  const [campaignId, language] = [target.slice(0, 36), target.slice(37)];
  const draft = { campaignId, language, subject, body };
  const kept = { target, subject, body };
  if (intent === "edit") return { step: "edit", draft: kept };

  const answer =
    intent === "send" && expected !== undefined
      ? await sendOutcomeUpdate(staff, draft, expected)
      : await previewOutcomeUpdate(staff, draft);
  switch (answer.outcome) {
    case "sent":
      revalidatePath("/staff/updates");
      return { step: "sent", message: t("sent", { count: answer.queued }) };
    case "not_found":
      return { step: "edit", draft: kept, message: t("notFound") };
    case "already_sent":
      return { step: "edit", draft: kept, message: t("alreadySent") };
    case "invalid": {
      const problems: { field: "subject" | "body"; text: string }[] = answer.problems.map((problem) => ({
        field: fieldOf[problem],
        text: t(`problems.${problem}`, { max: updateLimits[fieldOf[problem]] }),
      }));
      return { step: "edit", draft: kept, problems };
    }
    case "count_changed": {
      const preview = await previewOutcomeUpdate(staff, draft);
      if (preview.outcome === "already_sent") return { step: "edit", draft: kept, message: t("alreadySent") };
      if (preview.outcome !== "preview") return { step: "edit", draft: kept, message: t("notFound") };
      return {
        step: "preview",
        draft: kept,
        email: { subject: preview.email.subject, text: preview.email.text },
        recipients: preview.recipients,
        message: t("countChanged", { count: preview.recipients }),
      };
    }
    case "preview":
      return {
        step: "preview",
        draft: kept,
        email: { subject: answer.email.subject, text: answer.email.text },
        recipients: answer.recipients,
      };
  }
}
