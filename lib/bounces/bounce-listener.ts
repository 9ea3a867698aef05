import "server-only";
import type { AddressInfo } from "node:net";
import { SMTPServer, type SMTPServerSession } from "smtp-server";
import { readReturnPath, type ReturnPathRef } from "@/lib/delivery/return-path";
import { redactAddresses } from "@/lib/privacy/redact";
import { deliveryMessageForBounce, returnPathTargetExists } from "./data";
import { readReport } from "./read-report";
import { recordReport } from "./record-report";

/** Largest report taken: a report may quote the whole letter (a digest's PDF too). */
export const maxReportBytes = 4 * 1024 * 1024;

export type BounceListener = { port: number; close: () => Promise<void> };

const smtpError = (code: number, text: string) => Object.assign(new Error(text), { responseCode: code });

function warn(what: string, error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  console.warn(`[bounces] ${what}: ${redactAddresses(message)}`);
}

/** The message a recipient address names, when it is one of ours and the message still exists. */
async function knownTarget(address: string): Promise<ReturnPathRef | null> {
  const ref = readReturnPath(address);
  if (!ref) return null;
  const exists =
    ref.kind === "delivery"
      ? (await deliveryMessageForBounce(ref.id)) !== null
      : await returnPathTargetExists(ref.kind, ref.id);
  return exists ? ref : null;
}

/**
 * The inbound SMTP listener for bounces and complaints. It takes mail only
 * for bounces+<token>@ addresses whose token is ours and names a message we
 * sent (anything else is refused at RCPT TO with 550: no open relay, nothing
 * for spammers), without AUTH or TLS (put it behind the MTA that owns port
 * 25, docs/DEPLOY.md), at most maxReportBytes a message. It reads each report's
 * status fields and records them (record-report.ts); the report itself is
 * never stored. A database out of reach answers 451, so the sender tries again.
 */
export async function startBounceListener(options: { host: string; port: number }): Promise<BounceListener> {
  const server = new SMTPServer({
    name: "bounces",
    banner: "bounces only",
    authOptional: true,
    disabledCommands: ["AUTH", "STARTTLS"],
    size: maxReportBytes,
    maxClients: 20,
    logger: false,
    socketTimeout: 60_000,
    closeTimeout: 5_000,
    onRcptTo: (address, _session, callback) => {
      knownTarget(address.address).then(
        (ref) => callback(ref ? undefined : smtpError(550, "No such recipient here")),
        (error: unknown) => {
          warn("Could not check a bounce address", error);
          callback(smtpError(451, "Try again later"));
        },
      );
    },
    onData: (stream, session: SMTPServerSession, callback) => {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("error", (error) => callback(error));
      stream.on("end", () => {
        if (stream.sizeExceeded) return callback(smtpError(552, "Report too large"));
        void (async () => {
          const report = await readReport(Buffer.concat(chunks));
          for (const recipient of session.envelope.rcptTo) {
            const ref = readReturnPath(recipient.address);
            if (ref) await recordReport(ref, report);
          }
        })().then(
          () => callback(),
          (error: unknown) => {
            warn("Could not record a report", error);
            callback(smtpError(451, "Try again later"));
          },
        );
      });
    },
  });
  // A client that resets its connection is not our problem to report.
  server.on("error", (error) => warn("Listener", error));
  await new Promise<void>((resolve, reject) => {
    server.server.once("error", reject);
    server.listen(options.port, options.host, () => {
      server.server.off("error", reject);
      resolve();
    });
  });
  return {
    port: (server.server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
