// A real SMTP server in the test process (smtp-server), keeping every
// message it accepts, parsed by mailparser, with its raw headers.
import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

/** envelopeFrom: the MAIL FROM address (where bounces go), "" for a null sender. */
export type ReceivedMail = { envelopeFrom: string; envelopeTo: string[]; raw: string; parsed: ParsedMail };

export class SmtpSink {
  readonly received: ReceivedMail[] = [];
  private server: SMTPServer | null = null;
  private closedSessions = new Set<string>();
  private holdFrom: number | null = null;
  private holdCounts: (mail: ReceivedMail) => boolean = () => true;
  private releaseHeld: () => void = () => {};
  private heldGate: Promise<void> = Promise.resolve();
  /** Messages received in full and waiting, unaccepted, behind holdAfter. */
  held = 0;
  port = 0;

  /**
   * @param acceptDelayMs time between receiving a message and accepting it
   *   (250). A client that disconnects in that time has not had its message
   *   accepted, as with a real mail server, and it is not kept.
   */
  /** Recipients this server refuses with a 550 that quotes the address, as real servers do. */
  readonly refuse = new Set<string>();

  constructor(private readonly acceptDelayMs = 0) {}

  async start(port = 0): Promise<this> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS", "AUTH"],
      logger: false,
      // "Down" must mean down at once, not after open connections finish.
      closeTimeout: 100,
      onRcptTo: (address, _session, callback) => {
        if (!this.refuse.has(address.address)) return callback();
        const error = Object.assign(new Error(`<${address.address}>: Recipient address rejected: User unknown`), {
          responseCode: 550,
        });
        callback(error);
      },
      onClose: (session) => {
        this.closedSessions.add(session.id);
      },
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on("data", (c: Buffer) => chunks.push(c));
        const accept = async () => {
          if (this.acceptDelayMs) await new Promise((resolve) => setTimeout(resolve, this.acceptDelayMs));
          while (this.holdFrom !== null && this.received.filter(this.holdCounts).length >= this.holdFrom) {
            this.held++;
            await this.heldGate;
            this.held--;
          }
          if (this.closedSessions.has(session.id)) return callback(new Error("client went away"));
          const raw = Buffer.concat(chunks).toString("utf8");
          const mailFrom = session.envelope.mailFrom;
          this.received.push({
            envelopeFrom: mailFrom ? mailFrom.address : "",
            envelopeTo: session.envelope.rcptTo.map((r) => r.address),
            raw,
            parsed: await simpleParser(raw),
          });
          callback();
        };
        stream.on("end", () => this.track(accept()));
      },
    });
    // A client killed mid-conversation resets its connection; a mail server
    // logs that and goes on (onClose then marks the session as gone).
    this.server.on("error", () => {});
    await new Promise<void>((resolve) => this.server!.listen(port, "127.0.0.1", resolve));
    this.port = (this.server.server.address() as AddressInfo).port;
    return this;
  }

  /**
   * Once `count` messages (of those `counts` picks) are kept, later ones are
   * received but not accepted until release(): a test can then act while
   * conversations are surely in the middle, however fast or slow the machine.
   */
  holdAfter(count: number, counts: (mail: ReceivedMail) => boolean = () => true): void {
    this.holdFrom = count;
    this.holdCounts = counts;
    this.heldGate = new Promise((resolve) => (this.releaseHeld = resolve));
  }

  release(): void {
    this.holdFrom = null;
    this.releaseHeld();
  }

  /** Stops accepting connections (the "mail server is down" case). */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
    // A message being accepted as the server went down (its 250 on its way)
    // lands in `received` now, not after the caller has counted: once stop()
    // returns, `received` no longer changes, however slow the machine.
    this.release();
    await Promise.all(this.inFlight);
  }

  private readonly inFlight = new Set<Promise<void>>();

  private track(work: Promise<void>): void {
    this.inFlight.add(work);
    void work.finally(() => this.inFlight.delete(work));
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  messageIds(): string[] {
    return this.received.map((m) => m.parsed.messageId ?? "");
  }
}
