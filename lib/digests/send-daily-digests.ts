import "server-only";
import { pickTranslation } from "@/lib/campaigns/text";
import { env } from "@/lib/core/env";
import { formatDate } from "@/lib/i18n/format-date";
import { countryName } from "@/lib/letters/countries";
import { decryptText } from "@/lib/privacy/encryption";
import { redactAddresses } from "@/lib/privacy/redact";
import {
  claimDueDigest,
  createDigests,
  digestContent,
  groupsAwaitingDigests,
  markDigestDeferred,
  markDigestEnded,
  markDigestSent,
  nextDigestLook,
  type ClaimedDigest,
} from "./data";
import { mailDomain } from "@/lib/core/mail-settings";
import { sendDigestMail, type DigestMail } from "./digest-mailer";
import { coverLanguage, digestTexts } from "./digest-texts";
import { digestDayDue, localDay } from "./office-day";
import { renderDigestPdf } from "./render-digest-pdf";

/**
 * Daily digests, for addressees in daily_digest mode: their platform letters
 * get no message of their own (create-delivery-messages.ts skips them) and
 * wait here. The worker runs this every quarter hour (lib/worker/worker.ts).
 *
 * The rule (office-day.ts, digestDayDue): once a day has ended in the
 * addressee's time zone, its digest is made at the first run inside the
 * addressee's office hours on an office day, carrying every waiting letter
 * written before that day ended (letters confirmed after their day's digest
 * went join the next one). One digest per address the addressee has.
 *
 * Exactly once: the rows are made in one transaction that links the letters
 * and is unique per addressee, campaign, day and address; each is sent under
 * a claim ("sending" since, FOR UPDATE SKIP LOCKED) with the Message-ID fixed
 * when the row was made. A worker killed mid-send leaves the claim, which any
 * runner takes over once it is DELIVERY_STALE_SECONDS old. As with letters,
 * the only possible repeat is a digest whose 250 came just before the kill,
 * and it repeats with the same Message-ID.
 */
export async function sendDailyDigests(
  now = new Date(),
  options: DigestSendOptions = {},
): Promise<{ made: number; sent: number; nextLook: Date | null }> {
  const made = await makeDueDigests(now);
  const staleSeconds = env().DELIVERY_STALE_SECONDS;
  let sent = 0;
  // The given clock moves on with real time: a long run's later claims must
  // not carry its first moment, or another worker would find them stale at once.
  const started = Date.now();
  for (;;) {
    const at = new Date(now.getTime() + (Date.now() - started));
    const digest = await claimDueDigest(at, new Date(at.getTime() - staleSeconds * 1000));
    if (!digest) break;
    if (await sendClaimedDigest(digest, at, options)) sent++;
  }
  return { made, sent, nextLook: await nextDigestLook(staleSeconds) };
}

export type DigestSendOptions = {
  /**
   * The envelope sender (bounce address) for a digest's Message-ID. The
   * worker passes lib/delivery/return-path.ts's, which this folder, below
   * lib/delivery, may not import.
   */
  envelopeFrom?: (messageId: string) => string | null;
};

/** Makes the digests whose day has ended and whose office is open; returns how many letters they carry. */
export async function makeDueDigests(now: Date): Promise<number> {
  const domain = mailDomain();
  let letters = 0;
  for (const group of await groupsAwaitingDigests()) {
    const due = digestDayDue(now, group);
    if (!due) continue;
    const addresses = [...new Set(group.emails.map((raw) => raw.trim().toLowerCase()).filter(Boolean))];
    if (addresses.length === 0) continue;
    letters += await createDigests(group, due.day, due.lettersBefore, addresses, domain, now);
  }
  return letters;
}

const day = 86_400_000;
/** About 1, 2, 4... minutes, at most 6 hours, as letters back off. */
const backoff = (attempts: number, now: Date) =>
  new Date(now.getTime() + Math.min(60_000 * 2 ** Math.max(0, attempts - 1), day / 4));

/** Builds and sends one claimed digest and writes how it went; true when it went. */
async function sendClaimedDigest(digest: ClaimedDigest, now: Date, options: DigestSendOptions): Promise<boolean> {
  let mail: DigestMail | null;
  try {
    mail = await digestMail(digest);
  } catch (error) {
    // A text that does not open (a key no longer configured): tried again later.
    const reason = redactAddresses(error instanceof Error ? error.message : String(error)).slice(0, 1000);
    await markDigestDeferred(digest, backoff(digest.attempts, now), `Not sent: ${reason}`, now);
    return false;
  }
  if (!mail) {
    await markDigestEnded(digest, "cancelled", "No letter left to carry (withdrawn or purged).", now);
    return false;
  }
  const envelopeFrom = options.envelopeFrom?.(mail.messageId) ?? undefined;
  const outcome = await sendDigestMail({ ...mail, envelopeFrom });
  if (outcome.accepted) {
    await markDigestSent(digest.id, now);
    return true;
  }
  const reason = redactAddresses(outcome.reason).slice(0, 1000);
  if (outcome.permanent || digest.attempts >= env().DELIVERY_MAX_ATTEMPTS)
    await markDigestEnded(digest, "failed", reason, now);
  else await markDigestDeferred(digest, backoff(digest.attempts, now), reason, now);
  return false;
}

/** The digest's email: the cover text, counts by country, the public totals' link, the letters. Null: none left. */
export async function digestMail(digest: ClaimedDigest): Promise<DigestMail | null> {
  const { addressee, campaign, letters } = await digestContent(digest);
  if (!addressee || !campaign || letters.length === 0) return null;
  const settings = env();
  const language = coverLanguage(letters);
  const t = digestTexts[language];
  const opened = letters.map((letter) => ({
    language: letter.language,
    country: letter.signature.country,
    day: localDay(letter.createdAt, addressee.timeZone),
    subject: decryptText(letter.content!.subjectEncrypted, {
      table: "PlatformLetter",
      column: "subjectEncrypted",
      row: letter.id,
    }),
    text: decryptText(letter.content!.bodyEncrypted, {
      table: "PlatformLetter",
      column: "bodyEncrypted",
      row: letter.id,
    }),
  }));
  const byCountry = countsOf(opened.map((l) => countryName(l.country, language)));
  const days = t.days(formatDate(opened[0]!.day, language), formatDate(opened.at(-1)!.day, language));
  const title = pickTranslation(campaign.translations, campaign.languages, language)?.title ?? campaign.slug;
  const name = addressee.translations.find((tr) => tr.language === language)?.name ?? addressee.name;
  const totalsUrl = new URL(`/c/${campaign.slug}`, settings.PUBLIC_URL).toString();
  const inline = addressee.digestFormat === "inline_text";
  const count = opened.length;
  const text = [
    t.greeting(name),
    "",
    t.wrote(count, byCountry.length, days, title),
    inline ? t.inline : t.attached,
    "",
    t.byCountry,
    ...byCountry.map(([country, n]) => `  ${country}: ${n}`),
    "",
    t.totals(totalsUrl),
    "",
    t.why,
    ...(inline
      ? opened.flatMap((letter, index) => [
          "",
          `---- ${t.letterHeading(index + 1, count)} · ${formatDate(letter.day, letter.language)} ----`,
          t.subjectLine(letter.subject),
          "",
          letter.text,
        ])
      : []),
  ].join("\n");
  const attachment = inline
    ? undefined
    : {
        filename: `letters-${digest.day}.pdf`,
        contentType: "application/pdf",
        content: await renderDigestPdf(
          null,
          opened.map((letter, index) => ({
            heading: t.letterHeading(index + 1, count),
            dateLine: formatDate(letter.day, letter.language),
            subject: letter.subject,
            text: letter.text,
          })),
        ),
      };
  return {
    from: { name: settings.MAIL_FROM_NAME, address: settings.MAIL_FROM_ADDRESS },
    to: { name, address: digest.toAddress },
    subject: t.subject(count, title, days),
    text,
    messageId: digest.messageIdHeader,
    attachment,
  };
}

/** Label and count, most first, then by label. */
export function countsOf(labels: string[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const label of labels) counts.set(label, (counts.get(label) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}
