import "server-only";
// "I sent it": a supporter who sent a prepared letter themselves (own mail,
// webmail, .eml, copied text, X, printed PDF) says so, and it counts as sent,
// not only prepared. Only the browser that got the thank-you view can: it
// carries a token signed over the signature id (APP_SECRET's link-signing
// key), which is the only thing that names the signature. Nothing is looked
// up by anything a supporter typed, and the answer never says whose letters.
import { z } from "zod";
import { signValue, verifySignedValue } from "@/lib/privacy/encryption";
import { campaignSlugSchema } from "@/lib/campaigns/schema";
import { markLettersReportedSent } from "./data";

const purpose = "sent";
/**
 * How long the thank-you view can report letters sent: time to post a printed
 * letter or come back to an open tab, not a key that names a signature for
 * ever (the token stays in a browser's history and saved pages).
 */
export const reportValidDays = 30;
const day = 86_400_000;

/** The token the thank-you view's "I sent them" form carries, valid for reportValidDays. */
export function sentReportToken(signatureId: string, now = new Date()): string {
  const expires = Math.floor((now.getTime() + reportValidDays * day) / 1000);
  return signValue(`${purpose}.${signatureId}.${expires}`);
}

function readToken(token: string): { signatureId: string; expiresMs: number } | null {
  const payload = verifySignedValue(token);
  const match = payload?.match(/^sent\.([0-9a-f-]{36})\.(\d{1,12})$/);
  return match ? { signatureId: match[1]!, expiresMs: Number(match[2]) * 1000 } : null;
}

const uuid = z.uuid();

export const reportLettersSentSchema = z.object({
  slug: campaignSlugSchema,
  token: z.string().min(1).max(300),
  /** Each value one letter or a group sharing an address: addressee ids separated by spaces. */
  letters: z
    .array(z.string().max(2000))
    .max(40)
    .transform((values) => [...new Set(values.flatMap((v) => v.split(/\s+/)).filter(Boolean))])
    .pipe(z.array(uuid).max(40)),
});

export type ReportLettersSentResult =
  | { outcome: "counted"; counted: number; already: number }
  | { outcome: "already" }
  | { outcome: "none_chosen" }
  | { outcome: "expired" }
  | { outcome: "refused" };

export async function reportLettersSent(input: unknown, now = new Date()): Promise<ReportLettersSentResult> {
  const parsed = reportLettersSentSchema.safeParse(input);
  if (!parsed.success) return { outcome: "refused" };
  const token = readToken(parsed.data.token);
  if (!token) return { outcome: "refused" };
  if (token.expiresMs <= now.getTime()) return { outcome: "expired" };
  const { signatureId } = token;
  if (parsed.data.letters.length === 0) return { outcome: "none_chosen" };
  const { counted, already } = await markLettersReportedSent({
    slug: parsed.data.slug,
    signatureId,
    addresseeIds: parsed.data.letters,
    now,
  });
  return counted > 0 ? { outcome: "counted", counted, already } : { outcome: "already" };
}
