// What a captured or downloaded email may carry, whatever a supporter typed:
// the checks of tests/unit/supporter-text-cannot-add-headers-or-recipients.test.ts
// (header allow-list, recipients, no Cc/Bcc, our From), for mail that went
// through the whole app.
import type { ParsedMail } from "mailparser";

/** Headers nodemailer writes for our letters and supporter emails; an .eml draft adds X-Unsent. */
export const allowedMailHeaders = new Set([
  "from",
  "to",
  "reply-to",
  "subject",
  "message-id",
  "date",
  "mime-version",
  "content-type",
  "content-transfer-encoding",
]);

export function addressesOf(field: ParsedMail["to"]): string[] {
  if (!field) return [];
  return (Array.isArray(field) ? field : [field]).flatMap((group) =>
    group.value.map((mailbox) => mailbox.address ?? `(group ${mailbox.name})`),
  );
}

/**
 * Every way `mail` breaks the rules: a header not on the list, a recipient
 * (envelope or header) not among `recipients`, Cc or Bcc at all, a From
 * other than `from`, a Reply-To other than the supporter's own address.
 */
export function mailProblems(
  mail: { parsed: ParsedMail; envelopeTo?: string[] },
  rules: {
    recipients: ReadonlySet<string>;
    from?: string;
    replyTo?: ReadonlySet<string>;
    extraHeaders?: readonly string[];
  },
): string[] {
  const problems: string[] = [];
  const allowed = new Set([...allowedMailHeaders, ...(rules.extraHeaders ?? [])]);
  for (const name of mail.parsed.headers.keys()) if (!allowed.has(name)) problems.push(`header ${name}`);
  for (const address of mail.envelopeTo ?? [])
    if (!rules.recipients.has(address)) problems.push(`envelope recipient ${address}`);
  for (const address of addressesOf(mail.parsed.to)) if (!rules.recipients.has(address)) problems.push(`To ${address}`);
  if (mail.parsed.cc) problems.push(`Cc ${addressesOf(mail.parsed.cc).join(", ")}`);
  if (mail.parsed.bcc) problems.push(`Bcc ${addressesOf(mail.parsed.bcc).join(", ")}`);
  const from = addressesOf(mail.parsed.from);
  if (rules.from && (from.length !== 1 || from[0] !== rules.from)) problems.push(`From ${from.join(", ")}`);
  for (const address of addressesOf(mail.parsed.replyTo))
    if (!rules.replyTo?.has(address)) problems.push(`Reply-To ${address}`);
  return problems;
}
