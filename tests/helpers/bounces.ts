// Reports as mail servers send them back: a delivery status notification
// (RFC 3464 multipart/report with a message/delivery-status part) or an ARF
// complaint, sent over real SMTP (nodemailer) to the app's bounce listener.
import nodemailer from "nodemailer";
import { startBounceListener, type BounceListener } from "@/lib/bounces/bounce-listener";

/** The listener on a free port of this machine, as the worker starts it. */
export async function listenForBounces(): Promise<BounceListener> {
  return startBounceListener({ host: "127.0.0.1", port: 0 });
}

/** A DSN from the relay for one recipient: `status` "5.1.1" (hard), "4.2.2" (soft)... */
export function deliveryReport(options: {
  returnPath: string;
  recipient: string;
  status: string;
  action?: "failed" | "delayed";
  diagnostic?: string;
}): string {
  const boundary = "report-boundary-42";
  const diagnostic =
    options.diagnostic ??
    `${options.status.startsWith("5") ? 550 : 452} ${options.status} <${options.recipient}>: refused`;
  return [
    "From: MAILER-DAEMON@relay.campaigns.example (Mail Delivery System)",
    `To: ${options.returnPath}`,
    "Subject: Undelivered Mail Returned to Sender",
    "Auto-Submitted: auto-replied",
    "MIME-Version: 1.0",
    `Content-Type: multipart/report; report-type=delivery-status; boundary="${boundary}"`,
    "",
    `--${boundary}`,
    "Content-Type: text/plain; charset=us-ascii",
    "",
    `Your message to <${options.recipient}> could not be delivered.`,
    "",
    `--${boundary}`,
    "Content-Type: message/delivery-status",
    "",
    "Reporting-MTA: dns; relay.campaigns.example",
    "",
    `Final-Recipient: rfc822; ${options.recipient}`,
    `Action: ${options.action ?? "failed"}`,
    `Status: ${options.status}`,
    `Diagnostic-Code: smtp; ${diagnostic}`,
    "",
    `--${boundary}`,
    "Content-Type: message/rfc822",
    "",
    "From: letters@campaigns.example",
    `To: ${options.recipient}`,
    "Subject: the letter",
    "",
    "The letter's text, which the app must not keep.",
    "",
    `--${boundary}--`,
    "",
  ].join("\r\n");
}

/** An ARF complaint (RFC 5965) about a message sent to `recipient`. */
export function complaintReport(options: { returnPath: string; recipient: string }): string {
  const boundary = "arf-boundary-7";
  return [
    "From: fbl@mail.example",
    `To: ${options.returnPath}`,
    "Subject: Abuse report",
    "MIME-Version: 1.0",
    `Content-Type: multipart/report; report-type=feedback-report; boundary="${boundary}"`,
    "",
    `--${boundary}`,
    "Content-Type: text/plain",
    "",
    "This is an email abuse report.",
    "",
    `--${boundary}`,
    "Content-Type: message/feedback-report",
    "",
    "Feedback-Type: abuse",
    "User-Agent: Fbl/1.0",
    "Version: 1",
    `Original-Rcpt-To: <${options.recipient}>`,
    "",
    `--${boundary}--`,
    "",
  ].join("\r\n");
}

/**
 * Sends a report from the null sender, as mail servers send bounces.
 * Resolves with the listener's answer; rejects with its refusal (responseCode).
 */
export async function sendReport(listener: BounceListener, to: string, raw: string): Promise<string> {
  const transport = nodemailer.createTransport({
    host: "127.0.0.1",
    port: listener.port,
    secure: false,
    ignoreTLS: true,
  });
  try {
    const info = await transport.sendMail({ envelope: { from: "", to: [to] }, raw });
    return String(info.response);
  } finally {
    transport.close();
  }
}

/** The refusal's SMTP code, or null when the listener took the report. */
export async function refusalCode(listener: BounceListener, to: string, raw: string): Promise<number | null> {
  try {
    await sendReport(listener, to, raw);
    return null;
  } catch (error) {
    return (error as { responseCode?: number }).responseCode ?? -1;
  }
}
