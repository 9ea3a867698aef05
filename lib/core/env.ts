// Environment, parsed once with zod. Every module reads settings from here,
// never from process.env, so a bad setting stops the app at start with the
// variable's name instead of failing later in a request.
import { z } from "zod";
import { isPlainMailAddress } from "@/lib/core/mail-address";
import { onionHostPattern, originProblem } from "@/lib/core/origin-rules";

// Tuned by measurement: see PROOF_OF_WORK_ITERATIONS below.
const POW_DEFAULTS = { iterations: 1000, attempts: 1000 };

const booleanFlag = z.enum(["true", "false", "1", "0"]).transform((value) => value === "true" || value === "1");

/** A whole number from min to max, `fallback` when unset; text such as "30" is read as a number. */
const integer = (min: number, max: number, fallback: number) =>
  z.coerce.number().int().min(min).max(max).default(fallback);

/** A URL whose scheme `scheme` accepts. */
const urlWithScheme = (scheme: RegExp, message: string) =>
  z
    .string()
    .url()
    .refine((value) => scheme.test(value), message);

const postgresUrl = urlWithScheme(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://");

export const serverEnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /**
   * PostgreSQL to use. The start command (scripts/start.ts) sets it to the
   * embedded PGlite server when the operator gives none, so by the time the
   * app runs it is always present.
   */
  DATABASE_URL: postgresUrl,
  /**
   * Set by `npm start` when it runs the embedded PGlite database. Its one
   * backend is shared by every connection, so named prepared statements of
   * two connections collide: rate limits then live in process memory and the
   * job queue runs without prepared statements.
   */
  EMBEDDED_DATABASE: booleanFlag.default(false),
  /** Connections per process. The embedded database takes exactly one. */
  DATABASE_POOL_MAX: integer(1, 200, 10),
  /**
   * How long a query may wait for a connection (milliseconds). Short, so a
   * database restart answers 503 quickly instead of hanging requests.
   */
  DATABASE_CONNECT_TIMEOUT_MS: integer(100, 600_000, 5_000),
  /** Public origin used in links and emails, e.g. https://write.example.org */
  PUBLIC_URL: z.string().url().default("http://localhost:3000"),
  /**
   * The onion service's origin (lib/core/origins.ts), e.g.
   * http://<56 characters>.onion: pages answered on it stay on it, clearnet
   * pages name it in Onion-Location, and emails give its link beside the
   * canonical one.
   */
  ONION_URL: z
    .string()
    .superRefine((value, ctx) => {
      const problem = originProblem(value);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
      else if (!onionHostPattern.test(new URL(value).hostname))
        ctx.addIssue({ code: "custom", message: "must be a v3 onion address: 56 letters and digits, then .onion" });
    })
    .optional(),
  /**
   * Other domains that serve this same app (mirrors for readers whose
   * network blocks PUBLIC_URL), separated by commas or spaces. HTTPS, or
   * http on a *.localhost name for trying them on one machine.
   */
  MIRROR_URLS: z
    .string()
    .transform((value) => value.split(/[\s,]+/).filter(Boolean))
    .pipe(
      z.array(
        z.string().superRefine((value, ctx) => {
          const problem = originProblem(value);
          if (problem) ctx.addIssue({ code: "custom", message: `${value}: ${problem}` });
          else if (!value.startsWith("https://") && !/^http:\/\/([a-z0-9-]+\.)*localhost(:\d+)?\/?$/.test(value))
            ctx.addIssue({
              code: "custom",
              message: `${value}: a mirror must use https:// (http only on *.localhost)`,
            });
        }),
      ),
    )
    .default([]),
  /**
   * Secret from which the keys for encryption at rest, email hashes, signed
   * links and proof-of-work challenges are derived (lib/privacy/keys.ts).
   * At least 32 characters. `npm start` generates one into .data/app-secret
   * when none is set; production must set it (docs/DEPLOY.md).
   */
  APP_SECRET: z.string().min(32, "must be at least 32 characters (generate one with: openssl rand -base64 48)"),
  /** The previous APP_SECRET during a key rotation: still decrypts, never encrypts. */
  APP_SECRET_PREVIOUS: z.string().min(32).optional(),
  /** Days personal data is kept after delivery or after the campaign closes. */
  PERSONAL_DATA_RETENTION_DAYS: integer(1, 365, 30),
  /**
   * Header carrying the client address set by your reverse proxy, used only
   * for rate limits (hashed, never stored). Unset: all clients share the
   * limits, which is safe but coarse.
   */
  // "none": every client shares one limit (said explicitly; refused unset in production).
  CLIENT_IP_HEADER: z
    .string()
    .regex(/^[a-z0-9-]+$/, "a lower-case header name such as x-forwarded-for, or none")
    .optional(),
  /**
   * SMTP server for outgoing mail, e.g. smtps://user:pass@smtp.example.org:465
   * or smtp://user:pass@relay.example.org:587 (STARTTLS, required unless the
   * host is local). Unset: nothing leaves the machine; mail goes to the local
   * outbox (LocalMail) for admins to read.
   */
  SMTP_URL: urlWithScheme(/^smtps?:\/\//, "must start with smtp:// or smtps://").optional(),
  /** The campaign's sending address: From of every email. */
  // The mailer sends from plain addresses only (lib/core/mail-address.ts): refuse others at start, not at every send.
  MAIL_FROM_ADDRESS: z
    .email()
    .refine(isPlainMailAddress, "must be a plain address such as letters@example.org")
    .default("letters@localhost"),
  MAIL_FROM_NAME: z.string().max(100).default("Letter campaigns"),
  /** Optional DKIM signing: all three or none. */
  DKIM_DOMAIN: z.string().optional(),
  DKIM_SELECTOR: z.string().optional(),
  DKIM_PRIVATE_KEY: z.string().optional(),
  /** Emails per minute to one recipient domain (mid.ru, fsb.ru, ...). */
  DELIVERY_PER_DOMAIN_PER_MINUTE: integer(1, 10_000, 30),
  /** UTC hours in which letters are sent, "start-end", e.g. "7-19"; "0-24" is always. */
  DELIVERY_HOURS: z
    .string()
    .regex(/^([01]?\d|2[0-3])-([01]?\d|2[0-4])$/, "must look like 7-19 (UTC hours, start-end)")
    .default("0-24"),
  /**
   * "addressee" (the default): each addressee's letters leave only in its
   * office hours, in its time zone, under its hourly cap and the campaign's,
   * a backlog spread over the campaign's remaining days. "off": only the
   * per-domain limit and DELIVERY_HOURS apply (benchmarks, tests).
   */
  DELIVERY_PACING: z.enum(["addressee", "off"]).default("addressee"),
  /**
   * The domain of envelope senders (bounces+<token>@domain) and Message-IDs.
   * Unset: the host of PUBLIC_URL. Its MX must reach the bounce listener.
   */
  MAIL_RETURN_PATH_DOMAIN: z
    .string()
    .regex(/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/, "must be a domain such as example.org")
    .optional(),
  /**
   * The inbound SMTP listener for bounces and complaints (started by the
   * worker): host and port. Port 0 switches it off.
   */
  BOUNCE_LISTEN_HOST: z.string().default("127.0.0.1"),
  BOUNCE_LISTEN_PORT: integer(0, 65_535, 2525),
  /** Hard bounces after which an address is paused (and staff are told). */
  BOUNCE_PAUSE_AFTER: integer(1, 100, 3),
  /** Attempts before a message becomes a dead letter (status failed, reason kept). */
  DELIVERY_MAX_ATTEMPTS: integer(1, 50, 8),
  /** A message "sending" for longer than this (a worker died) is tried again. */
  DELIVERY_STALE_SECONDS: integer(5, 86_400, 300),
  /** Jobs one worker process runs at once. */
  WORKER_CONCURRENCY: integer(1, 100, 4),
  /** Seconds between roll-ups of new signatures into the totals. */
  TALLY_INTERVAL_SECONDS: integer(1, 3600, 2),
  /**
   * Who may show the campaign widget (/embed/<slug>) in a frame: "https:"
   * (any HTTPS site, the default), "none", or HTTPS origins separated by
   * spaces, e.g. "https://www.fidh.org https://www.omct.org". Every other
   * page refuses all frames whatever this says.
   */
  EMBED_FRAME_ANCESTORS: z
    .string()
    .trim()
    .refine(
      // Only spaces separate origins: the value goes into a header as it is, where a line break would end it.
      (v) =>
        v === "none" ||
        v === "https:" ||
        v
          .split(/ +/)
          .every(
            (origin) =>
              /^https:\/\/[a-z0-9.-]+(:\d{1,5})?$/i.test(origin) ||
              /^http:\/\/(localhost|127\.0\.0\.1)(:\d{1,5})?$/.test(origin),
          ),
      'must be "https:", "none" or HTTPS origins separated by spaces, e.g. "https://www.fidh.org https://www.omct.org"',
    )
    .default("https:"),
  /**
   * Proof of work on signing (lib/signatures/proof-of-work.ts): PBKDF2-SHA-256
   * iterations per attempt, and the average number of attempts a browser
   * makes. The defaults take a mid-range phone about a second (measured by
   * bench/proof-of-work-solve-time.ts); the server pays one attempt.
   */
  PROOF_OF_WORK_ITERATIONS: integer(1, 1_000_000, POW_DEFAULTS.iterations),
  PROOF_OF_WORK_ATTEMPTS: integer(1, 10_000_000, POW_DEFAULTS.attempts),
  /** Run the roll-up timer inside the web process (off when a separate worker does it). */
  TALLY_IN_WEB_PROCESS: booleanFlag.default(true),
});

export type ServerEnv = z.infer<typeof serverEnvSchema>;

const dkimComplete = (env: ServerEnv) =>
  [env.DKIM_DOMAIN, env.DKIM_SELECTOR, env.DKIM_PRIVATE_KEY].every(Boolean) ||
  [env.DKIM_DOMAIN, env.DKIM_SELECTOR, env.DKIM_PRIVATE_KEY].every((v) => !v);

/** Formats zod issues as "NAME: problem" lines for a human reading a terminal. */
export function describeEnvProblems(error: z.ZodError): string {
  return error.issues.map((issue) => `  ${issue.path.join(".") || "(root)"}: ${issue.message}`).join("\n");
}

export function parseServerEnv(source: Record<string, string | undefined>): ServerEnv {
  // Treat empty strings as unset: `.env` files often carry `NAME=`.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined && value !== ""));
  const result = serverEnvSchema
    .refine(dkimComplete, {
      path: ["DKIM_DOMAIN"],
      message: "set DKIM_DOMAIN, DKIM_SELECTOR and DKIM_PRIVATE_KEY together, or none",
    })
    .safeParse(cleaned);
  if (!result.success) {
    throw new Error(`Invalid environment:\n${describeEnvProblems(result.error)}`);
  }
  return result.data;
}

/**
 * Settings the web server must not run a campaign without, checked when it
 * starts (instrumentation.ts). Without CLIENT_IP_HEADER every visitor looks
 * alike, so per-client limits cannot apply and one script can sign as often
 * as it likes.
 */
export function productionProblems(settings: ServerEnv): string[] {
  if (settings.NODE_ENV !== "production" || settings.CLIENT_IP_HEADER) return [];
  return [
    "CLIENT_IP_HEADER is not set. In production the app must tell clients apart to limit signatures per client: set it to the header your reverse proxy puts the client's address in (x-real-ip with deploy/Caddyfile, see docs/DEPLOY.md), or to none if every client really must share one limit.",
  ];
}

let parsed: ServerEnv | undefined;

/** The parsed environment of this process (parsed on first use, then cached). */
export function env(): ServerEnv {
  parsed ??= parseServerEnv(process.env);
  return parsed;
}
