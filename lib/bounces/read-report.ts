import "server-only";
import { simpleParser, type Attachment } from "mailparser";
import { redactAddresses } from "@/lib/privacy/redact";

/**
 * What a report that came back says, from its machine-readable part only:
 * a delivery status notification (RFC 3464, message/delivery-status) or a
 * complaint (ARF, RFC 5965, message/feedback-report). Nothing else of the
 * report is kept: it may quote the letter.
 */
export type MailReport =
  | { kind: "bounce"; permanent: boolean; status: string; action: string; diagnostic: string | null }
  /** The relay is still trying (Action: delayed): nothing to do yet. */
  | { kind: "delay"; status: string | null }
  | { kind: "complaint"; feedbackType: string }
  /** Not a report we can read (a plain-text bounce, a reply, a report of success). */
  | { kind: "other" };

/** Longest detail kept (MailAddressHealth.lastDetail and DeliveryMessage.outcomeDetail hold 500). */
const maxDetail = 300;

/**
 * The field groups of a message/delivery-status or message/feedback-report
 * body: blocks of header-style fields separated by blank lines. Each block
 * goes through mailparser's header parser (folding, encoded words), so no
 * regular expression reads the report.
 */
async function fieldGroups(content: Buffer): Promise<Map<string, string>[]> {
  const blocks = content
    .toString("utf8")
    .replace(/\r\n/g, "\n")
    .split(/\n[ \t]*\n/)
    .filter((block) => block.trim() !== "");
  return Promise.all(
    blocks.map(async (block) => {
      const parsed = await simpleParser(`${block.trim()}\n\n`, { skipHtmlToText: true, skipTextToHtml: true });
      const fields = new Map<string, string>();
      for (const [name, value] of parsed.headers) fields.set(name, typeof value === "string" ? value : String(value));
      return fields;
    }),
  );
}

/** "5.1.1" from a Status field ("5.1.1", "5.1.1 (bad mailbox)"), or null. */
function statusCode(field: string | undefined): string | null {
  const code = field?.trim().split(/\s+/)[0] ?? "";
  return /^[245]\.\d{1,3}\.\d{1,3}$/.test(code) ? code : null;
}

/** A Diagnostic-Code without its type ("smtp; 550 ..."), addresses out, one line, shortened. */
function diagnosticOf(field: string | undefined): string | null {
  if (!field) return null;
  const semi = field.indexOf(";");
  const text = (semi >= 0 ? field.slice(semi + 1) : field).replace(/\s+/g, " ").trim();
  return text ? redactAddresses(text).slice(0, maxDetail) : null;
}

const partOf = (attachments: Attachment[], type: string) =>
  attachments.find((attachment) => attachment.contentType.toLowerCase() === type);

/** Reads a report that came back to a return path. Never throws on a malformed message. */
export async function readReport(raw: Buffer | string): Promise<MailReport> {
  let attachments: Attachment[];
  try {
    // keepDeliveryStatus: the status part stays a part of its own instead of joining the text.
    attachments = (await simpleParser(raw, { keepDeliveryStatus: true, skipHtmlToText: true })).attachments;
  } catch {
    return { kind: "other" };
  }
  const feedback = partOf(attachments, "message/feedback-report");
  if (feedback) {
    const [fields] = await fieldGroups(feedback.content);
    return { kind: "complaint", feedbackType: fields?.get("feedback-type")?.trim().toLowerCase() || "abuse" };
  }
  const status =
    partOf(attachments, "message/delivery-status") ?? partOf(attachments, "message/global-delivery-status");
  if (!status) return { kind: "other" };
  // The first group is about the message; each further one about one recipient. Ours have one.
  const recipients = (await fieldGroups(status.content)).slice(1);
  const failed = recipients.find((fields) => fields.get("action")?.trim().toLowerCase() === "failed");
  if (failed) {
    const code = statusCode(failed.get("status"));
    return {
      kind: "bounce",
      // A failure without a readable status is taken as final: the relay gave up.
      permanent: code === null || code.startsWith("5."),
      status: code ?? "5.0.0",
      action: "failed",
      diagnostic: diagnosticOf(failed.get("diagnostic-code")),
    };
  }
  const delayed = recipients.find((fields) => fields.get("action")?.trim().toLowerCase() === "delayed");
  if (delayed) return { kind: "delay", status: statusCode(delayed.get("status")) };
  return { kind: "other" };
}

/** The plain words stored for a bounce: status and the server's own diagnostic. */
export function reportDetail(report: Extract<MailReport, { kind: "bounce" }>): string {
  return (report.diagnostic ? `${report.status}: ${report.diagnostic}` : report.status).slice(0, maxDetail);
}
