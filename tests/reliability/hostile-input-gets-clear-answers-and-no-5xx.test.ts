// Every attack string of tests/fixtures/attack-strings.ts in every field of
// every public form and endpoint, against the production build served by
// `next start`: no answer is a 5xx, bad input gets a 4xx (or, for forms, the
// page again) naming what is wrong, and what is accepted stays text: in the
// HTML (nothing unescaped), in Chromium (no payload runs, no markup appears),
// in the PDF and .eml downloads, in the letters a real worker sends to an
// SMTP server (no header or recipient added), and in the admins' CSV. The
// Host and X-Forwarded-Host headers too: only the listed origins (PUBLIC_URL,
// ONION_URL, MIRROR_URLS) are answered, anything else is refused naming nothing.
//
// How every field meets every string without a product of requests: a
// "rotation" sends all fields hostile at once, field k getting string
// (i + k·step) mod N, so over N requests each field sees each string; the
// local schema (the same zod code) says which fields must be named in the
// answer. Strings the schema accepts in a text field are then packed into
// valid submissions (one string per one-line field, many in the letter) so
// the accepted path is covered for each of them.
import { confirmationToken } from "@/lib/signatures/confirmation-email";
import { confirmSupporterEmail } from "@/lib/signatures/confirm-supporter-email";
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse as parseCsv } from "csv-parse/sync";
import { simpleParser } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStaffAccount } from "@/lib/auth/create-staff-account";
import { campaignSlugSchema, languageCodeSchema } from "@/lib/campaigns/schema";
import { db } from "@/lib/core/db";
import { formToObject, renderFormFields, signatureFormFields } from "@/lib/letters/form-data";
import { fieldMessages as fieldErrors } from "@/lib/letters/form-messages";
import { letterContentSchema, letterRenderSchema, signatureSubmissionSchema } from "@/lib/letters/schema";
import { decryptText } from "@/lib/privacy/encryption";
import { attackGroups, attacks, oversizedBodies, type Attack } from "../fixtures/attack-strings";
import { resetDatabase } from "../helpers/db";
import { seedLaunchCampaign } from "../helpers/factories";
// The same build as the rest of the suite: one build per run, not two.
import {
  ensureProductionBuild,
  reliabilityDistDir,
  reliabilityHttpsMirrorHost,
  reliabilityMirrorHost,
  reliabilityOnionHost,
  startApp,
  type AppProcess,
} from "../helpers/reliability-app";
import { launchHostileBrowser, startReplayProxy, watchedPage, type ServedDocument } from "../helpers/hostile-browser";
import { mailProblems } from "../helpers/hostile-mail";
import {
  actionIds,
  asBrowserSends,
  encodeComponent,
  formBody,
  hiddenFields,
  inPool,
  rawPathSegment,
  readableMessage,
  replyString,
  send,
  Tally,
  verbatimInHtml,
  type Answer,
} from "../helpers/hostile-requests";
import { freePort } from "../helpers/free-port";
import { withProofOfWork } from "../helpers/proof-of-work";
import { SmtpSink } from "../helpers/smtp-sink";
import { startWorkerProcess, waitFor, type WorkerProcess } from "../helpers/worker-process";

const slug = "russia-amnesty-undesirable";
const concurrency = Number(process.env.HOSTILE_CONCURRENCY ?? 6);
const values = attacks.map((a) => a.value);
const N = values.length;
/** Field k of a rotation gets string (i + k·step) mod N: co-prime with N, so the fields never line up. */
const step = [97, 89, 83, 79].find((s) => N % s !== 0)!;
const rotate = (i: number, k: number) => values[(i + k * step) % N]!;
/** Strings short enough to ride along in a request beside another (bodies stop at 64 KiB). */
const short = values.filter((v) => v.length <= 2_000);
const partner = (i: number) => short[(i * step) % short.length]!;
const bytes = (text: string) => new TextEncoder().encode(text).length;
/** Over the 64 KiB body limit (a multipart body has ~200 bytes of framing per field). */
const tooLarge = (fields: readonly string[]) => fields.reduce((sum, v) => sum + bytes(v) + 200, 0) > 64 * 1024;
/** Strings whose execution we look for in the browser. */
const scriptish = new Set<string>([...attackGroups.scriptInjection, ...attackGroups.templateInjection]);

const tally = new Tally();
let app: AppProcess;
let sink: SmtpSink;
let base: string;
let emailAddressee: { id: string; emails: string[] };
let xAddressee: { id: string };
let writeForm: Record<string, string>;
let actions: Map<string, string>;
let baselineHtml = "";
/** Pages kept for Chromium: form answers that carry script-like strings. */
const forBrowser: { label: string; doc: ServedDocument; sent: string[] }[] = [];
const admin = { email: "hostile-admin@campaigns.example", password: "a long unusual passphrase 42" };
/** A staff account the sign-in sweep guesses passwords for (and locks out); the admin stays usable. */
const target = { email: "hostile-target@campaigns.example", password: "another long unusual passphrase" };

const validLetter = () => ({
  addressees: [emailAddressee.id],
  language: "en",
  subject: "Lift the ban on Amnesty International",
  body: "{{salutation}}\n\nPlease lift the ban.\n\n{{signer}}",
  identity: "full",
  name: "Jörg Müller",
  city: "Köln",
  country: "DE",
});
const validSignature = () => ({ ...validLetter(), channel: "pdf_print", consentCounted: true });

async function call(endpoint: string, url: string, init: RequestInit = {}): Promise<Answer> {
  const answer = await send(url, init);
  tally.record(endpoint, answer.status, `${init.method ?? "GET"} ${url.slice(0, 200)} ${answer.text.slice(0, 200)}`);
  return answer;
}
/** Posts JSON; a signature object without its own `altcha` gets a freshly solved proof of work, as every real client sends. */
const postJson = async (endpoint: string, url: string, body: unknown) => {
  const sent = new URL(url).pathname.endsWith("/signatures") ? await withProofOfWork(body, new URL(url).origin) : body;
  return call(endpoint, url, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: typeof sent === "string" ? sent : JSON.stringify(sent),
  });
};

type ApiError = { error?: { code?: string; message?: string; fields?: Record<string, string[]> } };
function errorOf(answer: Answer): ApiError["error"] {
  try {
    return (JSON.parse(answer.text) as ApiError).error;
  } catch {
    return undefined;
  }
}
/** A refusal as the API promises it: JSON error with a code and a sentence, naming the fields it should. */
function expectApiRefusal(answer: Answer, what: string, fields: string[] = []) {
  expect(answer.status, `${what}: ${answer.text.slice(0, 300)}`).toBeGreaterThanOrEqual(400);
  expect(answer.status, `${what}: ${answer.text.slice(0, 300)}`).toBeLessThan(500);
  const error = errorOf(answer);
  expect(error?.code, `${what}: an error code`).toMatch(/^[a-z_]+$/);
  expect(readableMessage(error?.message), `${what}: a sentence, not ${JSON.stringify(error?.message)}`).toBe(true);
  for (const field of fields) expect(Object.keys(error?.fields ?? {}), `${what}: names ${field}`).toContain(field);
  for (const messages of Object.values(error?.fields ?? {}))
    for (const message of messages)
      expect(readableMessage(message), `${what}: field message ${JSON.stringify(message)}`).toBe(true);
}

/** A form value as multipart carries it: well-formed, every line break CR LF (the HTML and Fetch standards). */
const asFormSends = (value: string) => asBrowserSends(value).replace(/\r(?!\n)|(?<!\r)\n/g, "\r\n");

/** Fields the letter form's own schema names for these form values (as the server reads them). */
function formOracle(fields: [string, string][], intent: "send" | "preview") {
  const object = formToObject(formBody(fields.map(([k, v]) => [k, asFormSends(v)])), signatureFormFields);
  const result = (intent === "send" ? signatureSubmissionSchema : letterContentSchema).safeParse(object);
  return result.success
    ? { ok: true as const, fields: [] }
    : { ok: false as const, fields: Object.keys(fieldErrors(result.error)) };
}
// Fields with their own error element on the form (components/letters/field-error.tsx).
const fieldsWithErrorElement = new Set([
  "addressees",
  "country",
  "subject",
  "body",
  "name",
  "city",
  "channel",
  "email",
  "consentIdentity",
  "consentCounted",
]);

/** Posts the letter form as a browser without JavaScript does. */
async function postLetterForm(
  endpoint: string,
  fields: [string, string][],
  bound: { slug?: unknown; previous?: unknown } = {},
): Promise<Answer> {
  const hidden = { ...writeForm };
  if ("slug" in bound || "previous" in bound) {
    const [boundSlug, previous] = JSON.parse(hidden["$ACTION_1:1"]!) as [string, unknown];
    hidden["$ACTION_1:1"] = JSON.stringify([
      "slug" in bound ? bound.slug : boundSlug,
      "previous" in bound ? bound.previous : previous,
    ]);
  }
  return call(endpoint, `${base}/c/${slug}/write`, {
    method: "POST",
    headers: { Origin: base },
    body: formBody([...Object.entries(hidden), ...fields]),
  });
}
/** Posts a plain server-action form (confirm, delete, sign in) as a browser without JavaScript does. */
async function postAction(endpoint: string, page: string, action: string, fields: [string, string][]): Promise<Answer> {
  const id = actions.get(action);
  if (!id) throw new Error(`No server action ${action} in ${reliabilityDistDir}'s manifest.`);
  return call(endpoint, `${base}${page}`, {
    method: "POST",
    headers: { Origin: base },
    body: formBody([[`$ACTION_ID_${id}`, ""], ...fields]),
  });
}

/** The page a form post answered: never Next's error page, never a payload left unescaped. */
function expectPage(answer: Answer, what: string, sent: string[]) {
  expect(answer.status, `${what}: ${answer.text.slice(0, 300)}`).toBeLessThan(500);
  expect(answer.text, what).not.toContain("__next_error__");
  const leaked = verbatimInHtml(answer.text, sent).filter((value) => !baselineHtml.includes(value));
  expect(leaked, `${what}: unescaped in the HTML`).toEqual([]);
}

/** The accepted strings of one field, each checked on its own against a valid submission. */
function acceptedIn(
  field: string,
  schema: { safeParse: (v: unknown) => { success: boolean } },
  template: Record<string, unknown>,
  max?: number,
) {
  return attacks.filter((a) => {
    const value = max ? [...a.value].slice(0, max).join("") : a.value;
    return schema.safeParse({ ...template, [field]: asBrowserSends(value) }).success;
  });
}
/** Groups accepted letter texts into bodies of at most 8,000 characters. */
function bodies(accepted: readonly Attack[]): string[][] {
  const out: string[][] = [];
  let current: string[] = [];
  let length = 0;
  for (const { value } of accepted) {
    const size = [...value].length + 2;
    if (size > 7_900) continue;
    if (length + size > 7_900) {
      out.push(current);
      current = [];
      length = 0;
    }
    current.push(value);
    length += size;
  }
  if (current.length) out.push(current);
  return out;
}
const letterBody = (pieces: string[]) => `{{salutation}}\n\n${pieces.join("\n\n")}\n\n{{signer}}`;

/**
 * Valid letters that together carry every string `only` lets through: each
 * string the schema accepts in the subject, the name or the city goes into
 * one of them (three strings a letter), and the letter texts take the
 * accepted strings a few dozen at a time.
 */
function spread(
  schema: typeof signatureSubmissionSchema | typeof letterRenderSchema,
  template: Record<string, unknown>,
  only: (value: string) => boolean = () => true,
) {
  const lineFields = (["subject", "name", "city"] as const).map(
    (field) => [field, new Set(acceptedIn(field, schema, template).map((a) => a.value))] as const,
  );
  const rounds: Partial<Record<"subject" | "name" | "city", string>>[] = [];
  const used = new Map<string, number>();
  for (const { value } of attacks.filter((a) => only(a.value))) {
    const field = lineFields
      .filter(([, ok]) => ok.has(value))
      .map(([name]) => name)
      .sort((x, y) => (used.get(x) ?? 0) - (used.get(y) ?? 0))[0];
    if (!field) continue;
    const round = used.get(field) ?? 0;
    used.set(field, round + 1);
    (rounds[round] ??= {})[field] = value;
  }
  const texts = bodies(acceptedIn("body", schema, template).filter((a) => only(a.value)));
  return Array.from({ length: Math.max(rounds.length, texts.length) }, (_, j) => ({
    ...rounds[j],
    ...(j < texts.length ? { body: letterBody(texts[j]!) } : {}),
    typed: [...Object.values(rounds[j] ?? {}), ...(texts[j] ?? [])],
  }));
}

type RawAnswer = { status: number; text: string; rawHeaders: string; header: (name: string) => string | null };

/**
 * One HTTP/1.1 request written byte for byte on a socket: fetch and node:http
 * refuse to send a Host of our choosing, let alone one with CR, LF or NUL in
 * it. Header values go out as UTF-8, as a client that does not care sends them.
 */
function rawRequest(
  port: number,
  request: { method: string; path: string; headers: [string, string][]; body?: { type: string; body: Buffer } },
): Promise<RawAnswer> {
  const lines = [
    `${request.method} ${request.path} HTTP/1.1`,
    ...request.headers.map(([name, value]) => `${name}: ${value}`),
    "Connection: close",
    ...(request.body ? [`Content-Type: ${request.body.type}`, `Content-Length: ${request.body.body.length}`] : []),
  ];
  const head = Buffer.from(`${lines.join("\r\n")}\r\n\r\n`, "utf8");
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, "127.0.0.1", () => {
      socket.write(request.body ? Buffer.concat([head, request.body.body]) : head);
    });
    const chunks: Buffer[] = [];
    socket.setTimeout(60_000, () => socket.destroy(new Error(`no answer to ${request.method} ${request.path}`)));
    socket.on("data", (chunk: Buffer) => chunks.push(chunk));
    // The server may close after its answer while we still write a body it did not want.
    socket.on("error", (error: NodeJS.ErrnoException) =>
      error.code === "EPIPE" || error.code === "ECONNRESET" ? null : reject(error),
    );
    socket.on("close", () => {
      const raw = Buffer.concat(chunks);
      const end = raw.indexOf("\r\n\r\n");
      if (end < 0)
        return reject(
          new Error(`no HTTP answer to ${request.method} ${request.path}: ${raw.toString("latin1").slice(0, 200)}`),
        );
      const [statusLine, ...headerLines] = raw.subarray(0, end).toString("latin1").split("\r\n");
      const headers = headerLines.map(
        (line) =>
          [line.slice(0, line.indexOf(":")).trim().toLowerCase(), line.slice(line.indexOf(":") + 1).trim()] as const,
      );
      const header = (name: string) => headers.find(([n]) => n === name)?.[1] ?? null;
      let body = raw.subarray(end + 4);
      if (header("transfer-encoding")?.toLowerCase() === "chunked") {
        const parts: Buffer[] = [];
        for (let at = 0; ;) {
          const lineEnd = body.indexOf("\r\n", at);
          const size = parseInt(body.subarray(at, lineEnd).toString("latin1"), 16);
          if (!size) break;
          parts.push(body.subarray(lineEnd + 2, lineEnd + 2 + size));
          at = lineEnd + 2 + size + 2;
        }
        body = Buffer.concat(parts);
      }
      resolve({
        status: Number(statusLine!.split(" ")[1]),
        text: body.toString("utf8"),
        rawHeaders: headerLines.join("\n"),
        header,
      });
    });
  });
}

describe("hostile input gets clear answers and no 5xx", () => {
  beforeAll(async () => {
    await ensureProductionBuild();
    await resetDatabase();
    await seedLaunchCampaign();
    const made = await createStaffAccount({
      email: admin.email,
      name: "Hostile Admin",
      role: "admin",
      password: admin.password,
    });
    expect(made.outcome).toBe("created");
    expect(
      (
        await createStaffAccount({
          email: target.email,
          name: "Hostile Target",
          role: "staff",
          password: target.password,
        })
      ).outcome,
    ).toBe("created");
    sink = await new SmtpSink().start();
    app = await startApp(await freePort(), {
      DATABASE_URL: process.env.DATABASE_URL!,
      APP_SECRET: process.env.APP_SECRET!,
      SMTP_URL: sink.url,
      MAIL_FROM_ADDRESS: "letters@campaigns.example",
      DATABASE_POOL_MAX: "10",
    });
    base = app.url;
    const campaign = JSON.parse((await send(`${base}/api/campaigns/${slug}`)).text) as {
      addressees: { id: string; emails: string[]; xHandle: string | null }[];
    };
    emailAddressee = campaign.addressees.find((a) => a.emails.length > 0)!;
    xAddressee = campaign.addressees.find((a) => a.emails.length === 0 && a.xHandle)!;
    const writePage = await send(`${base}/c/${slug}/write`);
    writeForm = hiddenFields(writePage.text);
    expect(Object.keys(writeForm)).toEqual(
      expect.arrayContaining(["$ACTION_REF_1", "$ACTION_1:0", "$ACTION_1:1", "$ACTION_KEY"]),
    );
    baselineHtml = writePage.text + (await send(`${base}/c/${slug}`)).text;
    actions = actionIds(reliabilityDistDir);
  }, 600_000);

  afterAll(async () => {
    console.info(`[hostile] ${N} attack strings; answers by endpoint:\n${tally.report()}`);
    await app?.stop();
    const log = path.join(tmpdir(), "hostile-input-app.log");
    writeFileSync(log, app?.output() ?? "");
    console.info(`[hostile] The server's log: ${log}`);
    await sink?.stop();
    // Next.js marks a request that failed inside the app with ⨯; none may have.
    const failures = (app?.output() ?? "").split("\n").filter((line) => line.includes("⨯"));
    expect(failures, "errors in the server's log").toEqual([]);
  });

  it("has at least 500 attack strings, in every group", () => {
    expect(N).toBeGreaterThanOrEqual(500);
    for (const [group, list] of Object.entries(attackGroups)) expect(list.length, group).toBeGreaterThanOrEqual(30);
  });

  it("the JSON API: every string in every field and parameter, 4xx naming what is wrong, no 5xx", async () => {
    const errorsBefore = tally.serverErrors.length;
    const signatures = `${base}/api/campaigns/${slug}/signatures`;
    const fields: string[] = [...signatureFormFields];

    // Every field hostile at once; the answer names each field the schema refuses.
    await inPool(values, concurrency, async (_, i) => {
      const body = Object.fromEntries(
        fields.map((field, k) => [field, field === "addressees" && i % 2 ? [rotate(i, k)] : rotate(i, k)]),
      );
      const answer = await postJson("POST signatures (all fields)", signatures, body);
      if (bytes(JSON.stringify(body)) > 64 * 1024)
        return expect(errorOf(answer)?.code, `rotation ${i}`).toBe("too_large");
      const expected = signatureSubmissionSchema.safeParse(JSON.parse(JSON.stringify(body)));
      expect(expected.success).toBe(false);
      expectApiRefusal(answer, `rotation ${i}`, Object.keys(fieldErrors(expected.error!)));
    });
    // The same as a form-encoded body.
    await inPool(values, concurrency, async (_, i) => {
      const form = new URLSearchParams(fields.map((field, k) => [field, asBrowserSends(rotate(i, k))]));
      const answer = await call("POST signatures (form-encoded)", signatures, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded" },
        body: form,
      });
      expectApiRefusal(answer, `form-encoded rotation ${i}`);
      if (bytes(form.toString()) > 64 * 1024) expect(errorOf(answer)?.code).toBe("too_large");
    });
    // Each string as a field name.
    await inPool(values, concurrency, async (value) => {
      const body = JSON.parse(JSON.stringify(validSignature())) as Record<string, unknown>;
      Object.defineProperty(body, value, { value: 1, enumerable: true });
      const answer = await postJson("POST signatures (unknown field)", signatures, body);
      if (fields.includes(value)) return;
      if (bytes(value) > 60_000) return expect(answer.status).toBe(413);
      expectApiRefusal(answer, `field named ${JSON.stringify(value).slice(0, 80)}`, [value]);
    });

    // Text fields one at a time: refused strings must be named; accepted ones are packed below.
    const textFields = ["subject", "body", "name", "city", "email", "website", "altcha", "submissionKey"];
    const accepted = new Map<string, Attack[]>();
    for (const field of textFields) {
      const ok = acceptedIn(field, signatureSubmissionSchema, validSignature());
      accepted.set(field, ok);
      const refused = attacks.filter((a) => !ok.includes(a));
      await inPool(refused, concurrency, async ({ value }) => {
        const answer = await postJson(`POST signatures (${field})`, signatures, {
          ...validSignature(),
          [field]: value,
        });
        if (bytes(JSON.stringify(value)) > 64 * 1024) return expect(answer.status).toBe(413);
        expectApiRefusal(answer, `${field} = ${JSON.stringify(value).slice(0, 80)}`, [field]);
      });
    }
    // Accepted but not a real proof of work, or a honeypot: 422 naming altcha, or 200 counting nothing.
    await inPool(accepted.get("altcha")!, concurrency, async ({ value }) => {
      const answer = await postJson("POST signatures (altcha)", signatures, { ...validSignature(), altcha: value });
      if (value.length) expectApiRefusal(answer, `altcha ${JSON.stringify(value).slice(0, 60)}`, ["altcha"]);
    });
    await inPool(accepted.get("website")!, concurrency, async ({ value }) => {
      const answer = await postJson("POST signatures (website)", signatures, { ...validSignature(), website: value });
      expect(answer.status).toBeLessThan(300);
    });

    // Accepted strings packed into valid signatures: recorded, and the links we answer hold them as text.
    const subject = accepted.get("subject")!;
    const name = accepted.get("name")!;
    const city = accepted.get("city")!;
    const email = accepted.get("email")!;
    const letterBodies = bodies(accepted.get("body")!);
    const rounds = Math.max(subject.length, name.length, city.length, email.length, letterBodies.length);
    const packed = Array.from({ length: rounds }, (_, j) => ({
      ...validSignature(),
      addressees: [emailAddressee.id, xAddressee.id],
      ...(j < subject.length ? { subject: subject[j]!.value } : {}),
      ...(j < name.length ? { name: name[j]!.value } : {}),
      ...(j < city.length ? { city: city[j]!.value } : {}),
      ...(j < email.length ? { email: email[j]!.value } : {}),
      ...(j < letterBodies.length ? { body: letterBody(letterBodies[j]!) } : {}),
    }));
    await inPool(packed, concurrency, async (submission, j) => {
      expect(signatureSubmissionSchema.safeParse(submission).success, `packed ${j}`).toBe(true);
      const answer = await postJson("POST signatures (accepted, packed)", `${signatures}?include=links`, submission);
      expect(answer.status, `packed ${j}: ${answer.text.slice(0, 300)}`).toBeOneOf([200, 201, 429]);
      if (answer.status === 429) return;
      const links = (JSON.parse(answer.text) as { links: { mailto: string; x: { url: string }[] } }).links;
      // The mailto link: our addressee only, subject and body only (RFC 6068), the subject as typed.
      const mailto = new URL(links.mailto);
      expect(mailto.protocol).toBe("mailto:");
      expect(decodeURIComponent(mailto.pathname).split(",").sort()).toEqual([...emailAddressee.emails].sort());
      expect([...new Set(mailto.searchParams.keys())].sort()).toEqual(["body", "subject"]);
      if (!submission.subject.includes("{{"))
        expect(mailto.searchParams.get("subject")).toBe(asBrowserSends(submission.subject.trim()));
      for (const x of links.x) {
        const intent = new URL(x.url);
        expect(intent.origin + intent.pathname).toBe("https://x.com/intent/post");
        expect([...intent.searchParams.keys()]).toEqual(["text"]);
      }
    });

    // Query parameters and path segments of the read endpoints.
    await inPool(values, concurrency, async (value, i) => {
      const lang = languageCodeSchema.safeParse(asBrowserSends(value)).success;
      for (const url of [
        `${base}/api/campaigns?lang=${encodeComponent(value)}`,
        `${base}/api/campaigns/${slug}?lang=${encodeComponent(value)}`,
      ]) {
        const answer = await call("GET campaign(s) ?lang=", url);
        // Node refuses request headers over 16 KiB (431) before the app sees them; the app answers the rest.
        if (url.length > 16_000 && answer.status === 431) continue;
        if (lang) expect(answer.status, url).toBe(200);
        else expectApiRefusal(answer, url, ["lang"]);
      }
      const unknown = await call("GET campaigns ?<attack>=1", `${base}/api/campaigns?${encodeComponent(value)}=1`);
      if (encodeComponent(value).length > 16_000 && unknown.status === 431) expect(unknown.status).toBe(431);
      else if (value === "lang") expectApiRefusal(unknown, "lang=1", ["lang"]);
      // Next.js drops a __proto__ parameter before the route sees it.
      else if (value === "__proto__") expect(unknown.status).toBe(200);
      else if (value.length) expectApiRefusal(unknown, `unknown parameter ${JSON.stringify(value).slice(0, 60)}`);
      const segment =
        i % 2 && attackGroups.urlTricks.includes(value as never) ? rawPathSegment(value) : encodeComponent(value);
      for (const suffix of ["", "/totals"]) {
        const answer = await call(`GET /api/campaigns/<attack>${suffix}`, `${base}/api/campaigns/${segment}${suffix}`);
        if (answer.status === 200) continue;
        if (segment.length > 16_000 && answer.status === 431) continue;
        // "." and "" are normalised away by the URL itself: /api/campaigns/ redirects to /api/campaigns.
        if (answer.status === 308 && answer.location?.startsWith("/api/campaigns")) continue;
        expect(answer.status, `${segment}${suffix}`).toBeLessThan(500);
        if (answer.status !== 404 || answer.headers.get("content-type")?.includes("json"))
          expectApiRefusal(answer, `${segment}${suffix}`);
      }
    });
    expect(tally.serverErrors.slice(errorsBefore)).toEqual([]);
  });

  it("the letter form without JavaScript: every string in every field, the page again with each problem named, no 5xx", async () => {
    const errorsBefore = tally.serverErrors.length;
    const fields = [...signatureFormFields, "intent"];
    // All fields hostile, signing; every field the schema refuses has its message on the page.
    await inPool(values, concurrency, async (_, i) => {
      const sent: [string, string][] = fields.map((field, k) => [field, field === "intent" ? "send" : rotate(i, k)]);
      const answer = await postLetterForm("POST /c/…/write (all fields)", sent);
      if (tooLarge(sent.map(([, v]) => asFormSends(v)))) return expect(answer.status, `rotation ${i}`).toBe(413);
      expectPage(
        answer,
        `rotation ${i}`,
        sent.map(([, v]) => asFormSends(v)),
      );
      expect(answer.text).toContain('role="alert"');
      const expected = formOracle(sent, "send");
      expect(expected.ok).toBe(false);
      for (const field of expected.fields.filter((f) => fieldsWithErrorElement.has(f)))
        expect(answer.text, `rotation ${i}: ${field}`).toContain(`id="${field}-error"`);
      if (i % 16 === 0)
        forBrowser.push({
          label: `form rotation ${i}`,
          doc: { status: answer.status, headers: answer.headers, body: answer.text },
          sent: sent.map(([, v]) => v),
        });
    });
    // The button's value and the action's bound arguments (hidden fields a browser sends back as they were).
    const previousShapes: unknown[] = [
      null,
      "x",
      42,
      [],
      { version: "1" },
      { version: 1e308 },
      { values: "x" },
      { values: { addressees: 5, country: {} } },
    ];
    await inPool(values, concurrency, async (value, i) => {
      const sent: [string, string][] = [
        ...Object.entries(validSignature()).flatMap(([k, v]): [string, string][] =>
          Array.isArray(v) ? v.map((x) => [k, x]) : [[k, v === true ? "on" : String(v)]],
        ),
        ["intent", value],
      ];
      const answer = await postLetterForm("POST /c/…/write (intent, bound slug, state)", sent, {
        slug: replyString(asBrowserSends(value)),
        ...(i < previousShapes.length ? { previous: previousShapes[i] } : {}),
      });
      if (tooLarge([value, value])) return expect(answer.status).toBe(413);
      expectPage(answer, `intent/slug ${JSON.stringify(value).slice(0, 60)}`, [asFormSends(value), value]);
      if (!campaignSlugSchema.safeParse(asBrowserSends(value)).success) expect(answer.text).toContain('role="alert"');
    });

    // Accepted strings packed into valid letters (each in the subject, the name or the city, and in a letter text), previewed and signed.
    await inPool(spread(signatureSubmissionSchema, validSignature()), concurrency, async ({ typed, ...fields }, j) => {
      const letter = { ...validLetter(), ...fields };
      for (const intent of ["preview", "send"] as const) {
        const sent: [string, string][] = [
          ...Object.entries(letter).flatMap(([k, v]): [string, string][] =>
            Array.isArray(v) ? v.map((x) => [k, x]) : [[k, String(v)]],
          ),
          ["channel", "pdf_print"],
          ["consentCounted", "on"],
          ["intent", intent],
        ];
        const expected = formOracle(sent, intent);
        if (!expected.ok) continue; // multipart turned a line break into CR LF where that matters; the rotation covered it
        const answer = await postLetterForm(`POST /c/…/write (accepted, ${intent})`, sent);
        expectPage(answer, `packed ${j} ${intent}`, typed.map(asFormSends));
        const marker = intent === "preview" ? 'data-testid="letter-preview"' : 'data-testid="thank-you"';
        if (!answer.text.includes(marker))
          expect(answer.text, `packed ${j} ${intent}: the preview or thanks, or why not`).toContain('role="alert"');
      }
    });
    expect(tally.serverErrors.slice(errorsBefore)).toEqual([]);
  });

  it("the PDF and .eml exports: refusals name the field; accepted letters stay text, with no header or recipient added", async () => {
    const errorsBefore = tally.serverErrors.length;
    const fields = [...renderFormFields];
    for (const kind of ["pdf", "eml"] as const) {
      const url = `${base}/c/${slug}/letters/${kind}`;
      await inPool(values, concurrency, async (_, i) => {
        const body = Object.fromEntries(fields.map((field, k) => [field, rotate(i, k)]));
        const answer = await postJson(`POST /c/…/letters/${kind} (all fields)`, url, body);
        if (bytes(JSON.stringify(body)) > 64 * 1024)
          return expect(errorOf(answer)?.code, `${kind} rotation ${i}`).toBe("too_large");
        const expected = letterRenderSchema.safeParse(JSON.parse(JSON.stringify(body)));
        expect(expected.success).toBe(false);
        expectApiRefusal(answer, `${kind} rotation ${i}`, Object.keys(fieldErrors(expected.error!)));
      });
    }
    const template = { ...validLetter(), paper: "a4" };
    const subject = acceptedIn("subject", letterRenderSchema, template);
    const name = acceptedIn("name", letterRenderSchema, template);
    const city = acceptedIn("city", letterRenderSchema, template);
    const letterBodies = bodies(acceptedIn("body", letterRenderSchema, template));
    const rounds = Math.max(subject.length, name.length, city.length, letterBodies.length);
    const pdfFolder = mkdtempSync(path.join(tmpdir(), "hostile-pdf-"));
    await inPool(
      Array.from({ length: rounds }, (_, j) => j),
      concurrency,
      async (j) => {
        const letter = {
          ...template,
          ...(j < subject.length ? { subject: subject[j]!.value } : {}),
          ...(j < name.length ? { name: name[j]!.value } : {}),
          ...(j < city.length ? { city: city[j]!.value } : {}),
          ...(j < letterBodies.length ? { body: letterBody(letterBodies[j]!) } : {}),
        };
        // Half as JSON, half as the thank-you page's form posts them.
        const init: RequestInit =
          j % 2
            ? { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(letter) }
            : {
                method: "POST",
                headers: { "Content-Type": "application/x-www-form-urlencoded" },
                body: new URLSearchParams(
                  Object.entries(letter).flatMap(([k, v]) =>
                    Array.isArray(v) ? v.map((x) => [k, asBrowserSends(x)]) : [[k, asBrowserSends(String(v))]],
                  ),
                ),
              };
        if (
          j % 2 === 0 &&
          !letterRenderSchema.safeParse(
            formToObject(formBody([...new URLSearchParams(init.body as URLSearchParams)]), renderFormFields),
          ).success
        )
          return;

        const pdf = await fetch(`${base}/c/${slug}/letters/pdf`, init);
        const pdfBytes = Buffer.from(await pdf.arrayBuffer());
        tally.record("POST /c/…/letters/pdf (accepted, packed)", pdf.status, pdfBytes.toString("latin1", 0, 200));
        expect(pdf.status, `pdf ${j}`).toBe(200);
        expect(pdf.headers.get("content-type")).toBe("application/pdf");
        const raw = pdfBytes.toString("latin1");
        // Nothing that runs or reaches out when the PDF is opened.
        for (const action of [
          "/JavaScript",
          "/JS ",
          "/JS(",
          "/OpenAction",
          "/AA ",
          "/AA<<",
          "/Launch",
          "/SubmitForm",
          "/ImportData",
          "/EmbeddedFile",
          "/RichMedia",
          "/URI",
        ])
          expect(raw.includes(action), `pdf ${j}: ${action}`).toBe(false);
        if (j % 25 === 0) {
          const file = path.join(pdfFolder, `letters-${j}.pdf`);
          writeFileSync(file, pdfBytes);
          expect(execFileSync("pdfinfo", [file], { encoding: "utf8" })).toMatch(/Pages:\s+1/);
          const text = execFileSync("pdftotext", [file, "-"], { encoding: "utf8" });
          expect(text).toContain("Sergey Lavrov");
        }

        const eml = await fetch(`${base}/c/${slug}/letters/eml`, init);
        const emlText = await eml.text();
        tally.record("POST /c/…/letters/eml (accepted, packed)", eml.status, emlText.slice(0, 200));
        expect(eml.status, `eml ${j}: ${emlText.slice(0, 200)}`).toBe(200);
        const parsed = await simpleParser(emlText);
        expect(
          mailProblems({ parsed }, { recipients: new Set(emailAddressee.emails), extraHeaders: ["x-unsent"] }),
          `eml ${j}`,
        ).toEqual([]);
        // A subject shaped like an encoded word ("=?utf-8?Q?=0D=0A…?=") goes out encoded (lib/letters/subject-header.ts): it reads back as typed.
        if (!/[\r\n]/.test(letter.subject))
          expect(parsed.subject ?? "", `eml ${j}: the subject is one header`).not.toMatch(/[\r\n]/);
        expect(
          emlText
            .split("\r\n\r\n")[0]!
            .split("\r\n")
            .filter((line) => /^subject:/i.test(line)).length,
          `eml ${j}: one Subject header`,
        ).toBe(1);
        // What the supporter wrote is in the letter, as written (line breaks as in any email).
        for (const piece of j < letterBodies.length ? letterBodies[j]! : []) {
          if (/\{\{|[\r\u2028\u2029\u0085]|[\uD800-\uDFFF]/.test(piece) || piece.trim() !== piece) continue;
          expect(parsed.text?.replace(/\r\n/g, "\n"), `eml ${j}: ${JSON.stringify(piece).slice(0, 80)}`).toContain(
            piece,
          );
        }
      },
    );
    expect(tally.serverErrors.slice(errorsBefore)).toEqual([]);
  });

  it("pages: /c/<attack>, tokens in the confirm and delete-my-data links, ?lang= on every page; no 5xx", async () => {
    const errorsBefore = tally.serverErrors.length;
    const langPages = ["/", `/c/${slug}`, `/c/${slug}/write`, "/privacy", "/staff/sign-in", `/embed/${slug}`];
    await inPool(values, concurrency, async (value, i) => {
      const raw = attackGroups.urlTricks.includes(value as never) && i % 2 === 1;
      const segment = raw ? rawPathSegment(value) : encodeComponent(value);
      const page = [`/c/${segment}`, `/c/${segment}/write`, `/embed/${segment}`][i % 3]!;
      const answer = await call("GET /c/<attack>, /c/<attack>/write, /embed/<attack>", `${base}${page}`);
      expect(answer.status, page.slice(0, 200)).toBeLessThan(500);
      expect(answer.status, page.slice(0, 200)).toBeOneOf(page.length > 16_000 ? [400, 404, 431] : [400, 404]);
      if (answer.status === 400 || answer.status === 404)
        expect(answer.text.length, `${page.slice(0, 100)}: says something`).toBeGreaterThan(0);

      const other = encodeComponent(partner(i));
      for (const [endpoint, url] of [
        ["GET /c/…/confirm?token=<attack>", `${base}/c/${slug}/confirm?token=${encodeComponent(value)}&lang=${other}`],
        ["GET /privacy/delete?token=<attack>", `${base}/privacy/delete?token=${encodeComponent(value)}&lang=${other}`],
        ["GET <page>?lang=<attack>", `${base}${langPages[i % langPages.length]}?lang=${encodeComponent(value)}`],
      ] as const) {
        const answer = await call(endpoint, url);
        // Node refuses request lines over 16 KiB before the app sees them.
        if (url.length > 16_000 && answer.status === 431) continue;
        expect(answer.status, url).toBe(200);
        expect(answer.text, url).toContain("<h1");
        expectPage(answer, url, [value]);
      }
    });
    expect(tally.serverErrors.slice(errorsBefore)).toEqual([]);
  });

  it("Host and X-Forwarded-Host: listed origins answer as usual; any other gets a 421 (or Node's 400) naming nothing, no 5xx", async () => {
    const errorsBefore = tally.serverErrors.length;
    const port = Number(new URL(base).port);
    const onion = reliabilityOnionHost;
    const canonical = `127.0.0.1:${port}`;
    const mirror = reliabilityMirrorHost(port);
    const httpsMirror = reliabilityHttpsMirrorHost;
    const action = (name: string) => {
      const id = actions.get(name);
      if (!id) throw new Error(`No server action ${name} in ${reliabilityDistDir}'s manifest.`);
      return `$ACTION_ID_${id}`;
    };
    const json = (value: unknown) => ({ type: "application/json", body: Buffer.from(JSON.stringify(value)) });
    const multipart = async (fields: [string, string][]) => {
      const encoded = new Response(formBody(fields));
      return { type: encoded.headers.get("content-type")!, body: Buffer.from(await encoded.arrayBuffer()) };
    };
    type Target = {
      name: string;
      method: "GET" | "POST";
      path: string;
      kind: "page" | "missing page" | "api" | "download" | "action";
      body?: { type: string; body: Buffer };
    };
    const targets: Target[] = [
      ...["/", `/c/${slug}`, `/c/${slug}/write`, "/privacy", "/staff/sign-in", `/embed/${slug}`].map((p): Target => ({
        name: `GET ${p}`,
        method: "GET",
        path: p,
        kind: "page",
      })),
      { name: "GET /no-such-page", method: "GET", path: "/no-such-page", kind: "missing page" },
      ...["/api/campaigns", `/api/campaigns/${slug}`, `/api/campaigns/${slug}/totals`, "/api/proof-of-work"].map(
        (p): Target => ({ name: `GET ${p}`, method: "GET", path: p, kind: "api" }),
      ),
      {
        name: "POST /api/…/signatures",
        method: "POST",
        path: `/api/campaigns/${slug}/signatures`,
        kind: "api",
        body: json(validSignature()),
      },
      ...(["pdf", "eml"] as const).map((kind): Target => ({
        name: `POST /c/…/letters/${kind}`,
        method: "POST",
        path: `/c/${slug}/letters/${kind}`,
        kind: "download",
        body: json({ ...validLetter(), paper: "a4" }),
      })),
      {
        name: "POST confirm (server action)",
        method: "POST",
        path: `/c/${slug}/confirm`,
        kind: "action",
        body: await multipart([
          [action("app/(site)/c/[slug]/confirm/actions.ts#confirmAddress"), ""],
          ["slug", slug],
          ["token", "not-a-token"],
        ]),
      },
      {
        name: "POST delete-my-data (server action)",
        method: "POST",
        path: "/privacy/delete",
        kind: "action",
        body: await multipart([
          [action("app/(site)/privacy/delete/actions.ts#deleteMyData"), ""],
          ["token", "not-a-token"],
        ]),
      },
    ];

    // Listed: the origin each request should be answered as, and the Origin a browser there sends with a form.
    const listed: {
      headers: [string, string][];
      kind: "canonical" | "onion" | "mirror";
      https: boolean;
      origin: string;
    }[] = [
      { headers: [["Host", canonical]], kind: "canonical", https: false, origin: base },
      { headers: [["Host", `localhost:${port}`]], kind: "canonical", https: false, origin: `http://localhost:${port}` },
      { headers: [["Host", onion]], kind: "onion", https: false, origin: `http://${onion}` },
      { headers: [["Host", `${onion}.`]], kind: "onion", https: false, origin: `http://${onion}.` },
      { headers: [["Host", mirror]], kind: "mirror", https: false, origin: `http://${mirror}` },
      { headers: [["Host", httpsMirror]], kind: "mirror", https: true, origin: `https://${httpsMirror}` },
      // A TLS proxy in front (Caddy) passes Host on and may add X-Forwarded-Host: the same host, or a listed one.
      {
        headers: [
          ["Host", onion],
          ["X-Forwarded-Host", onion],
        ],
        kind: "onion",
        https: false,
        origin: `http://${onion}`,
      },
      {
        headers: [
          ["Host", canonical],
          ["X-Forwarded-Host", httpsMirror],
        ],
        kind: "mirror",
        https: true,
        origin: `https://${httpsMirror}`,
      },
    ];
    // Hostile values, each sent as the Host and (with a listed Host) as X-Forwarded-Host.
    const lookAlikeOnion = `${onion.slice(0, 55)}a.onion`;
    const hostile = [
      "evil.example",
      `evil.example:${port}`,
      `${canonical}.evil.example`,
      `${onion}.evil.example`,
      `evil-${onion}`,
      lookAlikeOnion,
      "evil.example\r\nX-Evil: 1",
      "evil.example\nX-Evil: 1",
      "evil.example\rX-Evil: 1",
      "evil.example\u0000",
      `${canonical} evil.example`,
      "evil .example",
      `evil@${canonical}`,
      "a@b",
      `${"evil".repeat(15)}.`.repeat(60) + "example",
      `${"e".repeat(12_000)}vil.example`,
      `${"e".repeat(20_000)}vil.example`,
      `m\u0456rror.localhost:${port}`, // Cyrillic і
      `xn--mrror-3ve.localhost:${port}`,
      "\uFF45vil.example", // fullwidth e
      "evil.example\u200B",
      `mirror.localhost:${port + 1}`,
      `${onion}:8080`,
      `${httpsMirror}:8443`,
      `${canonical}, evil.example`,
      `${onion}, evil.example`,
      `${onion},${onion}`,
      "",
      " ",
      "[2001:db8::1]",
      `[::ffff:127.0.0.1]:${port}`,
      "[::ffff:7f00:1]",
      "::1",
      "[::1",
      "[fe80::1%25eth0]",
      "evil.example/path",
      "evil.example?x=1",
      "evil.example#x",
      "%65vil.example",
      "*",
    ];
    const cases: { label: string; headers: [string, string][]; value: string }[] = [
      ...hostile.map((value) => ({ label: "Host", headers: [["Host", value]] as [string, string][], value })),
      ...[...hostile, `localhost:${port}`, "[::1]", "127.0.0.1"].map((value) => ({
        label: "X-Forwarded-Host",
        headers: [
          ["Host", canonical],
          ["X-Forwarded-Host", value],
        ] as [string, string][],
        value,
      })),
      // Two headers of one name: Node keeps the first Host and joins X-Forwarded-Host's with ", ".
      {
        label: "two Hosts",
        headers: [
          ["Host", "evil.example"],
          ["Host", canonical],
        ],
        value: "evil.example",
      },
      {
        label: "two X-Forwarded-Hosts",
        headers: [
          ["Host", canonical],
          ["X-Forwarded-Host", canonical],
          ["X-Forwarded-Host", "evil.example"],
        ],
        value: "evil.example",
      },
      { label: "no Host", headers: [], value: "" },
    ];

    const sendRaw = async (target: Target, headers: [string, string][], origin?: string) => {
      const answer = await rawRequest(port, {
        method: target.method,
        path: target.path,
        headers: [
          ...headers,
          ...(origin && target.kind === "action" ? ([["Origin", origin]] as [string, string][]) : []),
          ["Accept-Language", "en"],
        ],
        body: target.body,
      });
      tally.record(`Host/X-Forwarded-Host: ${target.name}`, answer.status, answer.text.slice(0, 200));
      return answer;
    };

    // Listed origins: the usual answer, with the headers of that origin.
    await inPool(
      listed.flatMap((l) => targets.map((t) => [l, t] as const)),
      concurrency,
      async ([l, target]) => {
        const what = `${target.name} with ${JSON.stringify(l.headers)}`;
        const answer = await sendRaw(target, l.headers, l.origin);
        expect(answer.status, `${what}: ${answer.text.slice(0, 300)}`).toBeLessThan(500);
        expect(answer.status, what).not.toBe(421);
        if (target.kind === "page") {
          expect(answer.status, what).toBe(200);
          expect(answer.text, what).toContain("<h1");
        }
        if (target.kind === "missing page") expect(answer.status, what).toBe(404);
        if (target.kind === "download") expect(answer.status, what).toBe(200);
        if (target.kind === "action") {
          expect(answer.status, `${what}: ${answer.text.slice(0, 300)}`).toBe(303);
          // Relative: the reader stays on the origin they came in on.
          expect(answer.header("location"), what).toMatch(/^\/[^/]/);
        }
        if (target.method === "GET" && target.kind === "api") expect(answer.status, what).toBe(200);
        const hsts = answer.header("strict-transport-security");
        // Tor encrypts the onion end to end; HSTS there would send Tor Browser to an https onion that does not exist.
        if (l.kind === "onion") {
          expect(hsts, what).toBe(null);
          expect(answer.header("onion-location"), what).toBe(null);
          expect(answer.header("content-security-policy") ?? "", what).not.toContain("upgrade-insecure-requests");
        }
        if (target.kind === "page") {
          if (l.https) expect(hsts, what).toMatch(/max-age=\d+/);
          if (l.kind !== "onion") expect(answer.header("onion-location"), what).toBe(`http://${onion}${target.path}`);
        }
      },
    );

    // Anything else: refused before the app reads anything, and the refusal names no host.
    await inPool(
      cases.flatMap((c) => targets.map((t) => [c, t] as const)),
      concurrency,
      async ([c, target]) => {
        const what = `${target.name} with ${c.label} ${JSON.stringify(c.value).slice(0, 80)}`;
        const answer = await sendRaw(target, c.headers, `http://${canonical}`);
        // 421 from the app; 400 (or 431 for an over-long header) from Node's own parser for malformed requests.
        expect(answer.status, `${what}: ${answer.text.slice(0, 300)}`).toBeOneOf([400, 421, 431]);
        if (answer.status === 421) {
          if (target.kind === "api" || target.kind === "download")
            expect(JSON.parse(answer.text), what).toMatchObject({ error: { code: "misdirected" } });
          else expect(answer.text, what).toBe("Misdirected request: this server does not answer for that address.");
          expect(answer.header("cache-control"), what).toContain("no-store");
        }
        expect(answer.text, what).not.toMatch(/<html|<h1|<a /i);
        expect(answer.header("location"), what).toBe(null);
        const said = `${answer.text}\n${answer.rawHeaders}`.toLowerCase();
        expect(said, what).not.toContain("evil");
        expect(said, what).not.toContain("x-evil");
        const value = c.value.trim().toLowerCase();
        if (value.length >= 3) expect(said, what).not.toContain(value);
        expect(said, what).not.toContain(lookAlikeOnion);
      },
    );
    console.info(
      `[hostile] Host sweep: ${listed.length} listed and ${cases.length} hostile Host/X-Forwarded-Host values × ${targets.length} endpoints`,
    );
    expect(tally.serverErrors.slice(errorsBefore)).toEqual([]);
  });

  it("the confirm, delete-my-data and staff sign-in forms: every string in every field, a redirect that says why, no 5xx", async () => {
    const errorsBefore = tally.serverErrors.length;
    await inPool(values, concurrency, async (value, i) => {
      const other = partner(i);
      if (bytes(value) > 60_000) {
        const answer = await postAction(
          "POST oversized action",
          "/privacy/delete",
          "app/(site)/privacy/delete/actions.ts#deleteMyData",
          [["token", value]],
        );
        return expect(answer.status).toBe(413);
      }
      const confirm = await postAction(
        "POST confirm (slug, token, lang)",
        `/c/${slug}/confirm`,
        "app/(site)/c/[slug]/confirm/actions.ts#confirmAddress",
        [
          ["slug", i % 2 ? value : slug],
          ["token", value],
          ["lang", other],
        ],
      );
      expect(confirm.status, `confirm ${JSON.stringify(value).slice(0, 60)}: ${confirm.text.slice(0, 200)}`).toBe(303);
      expect(confirm.location).toMatch(/^\/($|c\/[a-z0-9-]+\/confirm\?result=invalid)/);

      const deletion = await postAction(
        "POST delete-my-data (token, lang)",
        "/privacy/delete",
        "app/(site)/privacy/delete/actions.ts#deleteMyData",
        [
          ["token", value],
          ["lang", other],
        ],
      );
      expect(deletion.status, `delete ${JSON.stringify(value).slice(0, 60)}: ${deletion.text.slice(0, 200)}`).toBe(303);
      expect(deletion.location).toMatch(/^\/privacy\/delete\?result=invalid/);

      const signIn = await postAction(
        "POST staff sign-in (email, password)",
        "/staff/sign-in",
        "app/(staff)/staff/sign-in/actions.ts#signIn",
        [
          ["email", i % 2 ? value : target.email],
          ["password", i % 2 ? other : value],
        ],
      );
      expect(signIn.status, `sign-in ${JSON.stringify(value).slice(0, 60)}: ${signIn.text.slice(0, 200)}`).toBe(303);
      expect(signIn.location).toMatch(/^\/staff\/sign-in\?error=(missing|invalid|locked)/);

      const code = await postAction(
        "POST staff sign-in code",
        "/staff/sign-in",
        "app/(staff)/staff/sign-in/actions.ts#verifyCode",
        [["code", value]],
      );
      expect(code.status).toBe(303);
      expect(code.location).toMatch(/^\/staff\/sign-in\?step=code&error=code/);
    });
    expect(tally.serverErrors.slice(errorsBefore)).toEqual([]);
  });

  it("oversized and malformed bodies: 413 or 400 with a sentence, never 5xx", async () => {
    const errorsBefore = tally.serverErrors.length;
    const endpoints = [`/api/campaigns/${slug}/signatures`, `/c/${slug}/letters/pdf`, `/c/${slug}/letters/eml`];
    for (const endpoint of endpoints) {
      for (const { name, json } of oversizedBodies()) {
        const answer = await postJson(`POST oversized (${endpoint.split("/").at(-1)})`, `${base}${endpoint}`, json);
        expect(answer.status, `${endpoint} ${name}`).toBe(413);
        expectApiRefusal(answer, `${endpoint} ${name}`);
        expect(errorOf(answer)?.code).toBe("too_large");
      }
      // Without a declared length (chunked): still refused.
      const chunks = new ReadableStream({
        start(controller) {
          for (let i = 0; i < 16; i++) controller.enqueue(new TextEncoder().encode(" ".repeat(65_536)));
          controller.close();
        },
      });
      const chunked = await call("POST oversized, chunked", `${base}${endpoint}`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: chunks,
        duplex: "half",
      } as RequestInit);
      expect(chunked.status).toBe(413);
      expect(errorOf(chunked)?.code).toBe("too_large");
      const malformed: [string, BodyInit][] = [
        ["text/plain", "{}"],
        ["application/json", ""],
        ["application/json", "null"],
        ["application/json", "[]"],
        ["application/json", '"string"'],
        ["application/json", "\uFEFF{}"],
        ["application/json", "{"],
        ["application/json", `${"[".repeat(20_000)}${"]".repeat(20_000)}`],
        [
          "application/json",
          Buffer.from([0x7b, 0x22, 0x62, 0x6f, 0x64, 0x79, 0x22, 0x3a, 0x22, 0xc0, 0xaf, 0xff, 0xfe, 0x22, 0x7d]),
        ],
        ["application/json; charset=utf-16", Buffer.from('{"body":"x"}', "utf16le")],
        ["application/x-www-form-urlencoded", "%zz=%zz&a=%"],
        ["multipart/form-data; boundary=x", '--x\r\nContent-Disposition: form-data; name="body"\r\n\r\nx\r\n--x--\r\n'],
        ["application/xml", '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>'],
      ];
      for (const [type, body] of malformed) {
        const answer = await call(`POST malformed (${endpoint.split("/").at(-1)})`, `${base}${endpoint}`, {
          method: "POST",
          headers: { "Content-Type": type },
          body,
        });
        expectApiRefusal(answer, `${endpoint} ${type} ${String(body).slice(0, 40)}`);
      }
    }
    // The letter form: over 64 KiB, a file where text goes, and files with prototype-bending names.
    const big = await postLetterForm("POST /c/…/write (oversized)", [
      ["body", "x".repeat(70 * 1024)],
      ["intent", "send"],
    ]);
    expect(big.status).toBe(413);
    for (const fileField of ["body", "__proto__", "constructor", "evil"]) {
      const form = formBody(Object.entries(writeForm));
      form.append(
        fileField,
        new File(["<script>window.__pwned=1</script>"], "<img src=x onerror=alert(1)>.html", { type: "text/html" }),
      );
      form.append("intent", "send");
      const answer = await call("POST /c/…/write (file fields)", `${base}/c/${slug}/write`, {
        method: "POST",
        headers: { Origin: base },
        body: form,
      });
      expectPage(answer, `file in ${fileField}`, ["<script>window.__pwned=1</script>", "<img src=x onerror=alert(1)>"]);
      expect(answer.text).toContain('role="alert"');
    }
    expect(tally.serverErrors.slice(errorsBefore)).toEqual([]);
  });

  it("in Chromium, pages holding the strings run none of them and grow no markup from them", async () => {
    // Every script-like string the form accepts, three one-line fields and a letter's worth per page,
    // previewed and signed; plus a sample of the refusal pages (every field echoed) from the sweep.
    const docs = [...forBrowser];
    await inPool(
      spread(signatureSubmissionSchema, validSignature(), (value) => scriptish.has(value)),
      concurrency,
      async ({ typed, ...fields }, j) => {
        void typed;
        const letter = { ...validLetter(), ...fields };
        for (const intent of ["preview", "send"] as const) {
          const sent: [string, string][] = [
            ...Object.entries(letter).flatMap(([k, v]): [string, string][] =>
              Array.isArray(v) ? v.map((x) => [k, x]) : [[k, String(v)]],
            ),
            ["channel", "own_email_client"],
            ["consentCounted", "on"],
            ["intent", intent],
          ];
          const answer = await postLetterForm(`POST /c/…/write (for Chromium, ${intent})`, sent);
          expectPage(
            answer,
            `browser ${j} ${intent}`,
            sent.map(([, v]) => asFormSends(v)),
          );
          docs.push({
            label: `form ${intent} ${j}`,
            doc: { status: answer.status, headers: answer.headers, body: answer.text },
            sent: sent.map(([, v]) => v),
          });
        }
      },
    );
    expect(docs.length).toBeGreaterThan(100);

    const browser = await launchHostileBrowser();
    const replay = await startReplayProxy(base);
    try {
      const pages = await Promise.all([1, 2, 3].map(() => watchedPage(browser)));
      const write = `/c/${slug}/write`;
      // A clean page first: the checks see nothing on a page without attacks.
      const clean = await send(`${base}${write}`);
      const baseline = await pages[0]!.open(
        replay.put({ status: clean.status, headers: clean.headers, body: clean.text }, write, { keepCsp: true }),
        clean.text,
      );
      expect(baseline.executed).toEqual([]);
      expect(baseline.injectedMarkup).toEqual([]);
      // The clean page's own reports (zod probes whether eval is allowed, and catches the refusal): not attempts.
      const known = new Set(baseline.cspViolations);
      // And they see an injection when there is one: the clean page with payloads spliced in.
      const spliced = {
        ...clean,
        status: clean.status,
        body: clean.text.replace("</h1>", '</h1><img src=x onerror="window.__pwned=1"><script>alert(1)</script>'),
      };
      const caught = await pages[0]!.open(replay.put(spliced, write, { keepCsp: false }), spliced.body);
      expect(caught.executed.length, "a spliced payload runs without CSP").toBeGreaterThan(0);
      expect(caught.injectedMarkup.length, "spliced markup is seen").toBeGreaterThan(0);
      const stopped = await pages[0]!.open(replay.put(spliced, write, { keepCsp: true }), spliced.body);
      expect(stopped.executed, "the CSP stops the spliced payloads").toEqual([]);
      expect(stopped.cspViolations.filter((v) => !known.has(v)).length, "and reports them").toBeGreaterThan(0);
      let attempts = 0;
      const free = [...pages];
      await inPool(docs, pages.length, async ({ label, doc }) => {
        const page = free.pop()!;
        try {
          // Escaping alone holds: without the Content-Security-Policy nothing runs and no markup appears.
          const bare = await page.open(replay.put(doc, write, { keepCsp: false }), doc.body);
          expect(bare.executed, `${label}, without CSP`).toEqual([]);
          expect(bare.injectedMarkup, `${label}, without CSP`).toEqual([]);
          // As supporters get it: the same, and what the policy had to stop.
          const served = await page.open(replay.put(doc, write, { keepCsp: true }), doc.body);
          attempts += served.cspViolations.filter((v) => !known.has(v)).length;
          expect(served.executed, `${label}, as served`).toEqual([]);
          expect(served.injectedMarkup, `${label}, as served`).toEqual([]);
        } finally {
          free.push(page);
        }
      });
      console.info(
        `[hostile] Chromium rendered ${docs.length} pages with and without CSP; CSP violations beyond a clean page's ${JSON.stringify([...known])}: ${attempts}`,
      );
      expect(attempts, "CSP violations (attempts the policy stopped)").toBe(0);
    } finally {
      await replay.close();
      await browser.close();
    }
  });

  it("letters a real worker sends to an SMTP server carry no injected header or recipient", async () => {
    const signatures = `${base}/api/campaigns/${slug}/signatures`;
    const template = {
      ...validSignature(),
      channel: "platform_email",
      email: "s@supporters.example",
      consentIdentity: true,
      replyToMe: true,
    };
    const supporters = new Map<string, { subject: string }>();
    // Each accepted string in a header (the subject, or the name or city in From and Reply-To) and in a letter text.
    await inPool(spread(signatureSubmissionSchema, template), concurrency, async ({ typed, ...fields }, j) => {
      void typed;
      const email = `hostile-${j}@supporters.example`;
      const submission = { ...template, email, ...fields };
      const answer = await postJson("POST signatures (platform email)", signatures, submission);
      expect(answer.status, answer.text.slice(0, 200)).toBe(201);
      supporters.set(email, { subject: submission.subject });
    });
    // Each supporter opens the emailed link and presses the button.
    const outbox = await db().outboxMessage.findMany({ where: { kind: "address_confirmation" } });
    const links = new Map(
      outbox.map((m) => [
        decryptText(m.toEncrypted, { table: "OutboxMessage", column: "toEncrypted", row: m.id }),
        decryptText(m.textEncrypted, { table: "OutboxMessage", column: "textEncrypted", row: m.id }).match(
          /\/confirm\?token=([^&\s]+)/,
        )?.[1],
      ]),
    );
    await inPool([...supporters.keys()], concurrency, async (email) => {
      const token = decodeURIComponent(links.get(email)!);
      const answer = await postAction(
        "POST confirm (real token)",
        `/c/${slug}/confirm`,
        "app/(site)/c/[slug]/confirm/actions.ts#confirmAddress",
        [
          ["slug", slug],
          ["token", token],
        ],
      );
      expect(answer.location).toMatch(/result=confirmed/);
    });

    const worker: WorkerProcess = startWorkerProcess("hostile worker", { smtpUrl: sink.url });
    try {
      const letters = supporters.size * emailAddressee.emails.length;
      await waitFor(
        `${letters} letters and the supporters' emails`,
        async () =>
          (await db().deliveryMessage.count({ where: { status: "sent" } })) >= letters &&
          (await db().outboxMessage.count({ where: { status: "queued" } })) === 0,
        240_000,
      );
    } finally {
      worker.child.kill("SIGTERM");
      await new Promise((resolve) => worker.child.once("exit", resolve));
    }
    expect(await db().deliveryMessage.count({ where: { status: { not: "sent" } } })).toBe(0);

    const allowed = new Set([...emailAddressee.emails, ...supporters.keys()]);
    const toAddressees = sink.received.filter((m) => m.envelopeTo.some((a) => emailAddressee.emails.includes(a)));
    expect(toAddressees.length).toBe(supporters.size * emailAddressee.emails.length);
    for (const mail of sink.received) {
      const problems = mailProblems(mail, {
        recipients: allowed,
        from: "letters@campaigns.example",
        replyTo: new Set(supporters.keys()),
      });
      expect(problems, `mail to ${mail.envelopeTo.join(", ")}: ${mail.raw.slice(0, 400)}`).toEqual([]);
      expect(mail.envelopeTo.length).toBe(1);
    }
    // A letter's subject is one header holding what was typed, and its Reply-To is that supporter.
    for (const mail of toAddressees) {
      const replyTo = mail.parsed.replyTo?.value[0]?.address ?? "";
      expect(supporters.has(replyTo), `Reply-To ${replyTo}`).toBe(true);
      // Placeholders ({{signer}}…) are filled per addressee; any other subject arrives as typed,
      // encoded-word look-alikes included (lib/letters/subject-header.ts).
      const typed = supporters.get(replyTo)!.subject;
      if (!typed.includes("{{"))
        expect(mail.parsed.subject, `subject of ${replyTo}`).toBe(asBrowserSends(typed.trim()));
      expect(
        mail.raw
          .split("\r\n\r\n")[0]!
          .split("\r\n")
          .filter((line) => /^subject:/i.test(line)).length,
        `one Subject header to ${replyTo}`,
      ).toBe(1);
    }
    console.info(
      `[hostile] ${supporters.size} signatures by email; the SMTP server received ${sink.received.length} messages`,
    );
  });

  it("the admins' CSV of supporters keeps formulas as text, one row per supporter", async () => {
    const signatures = `${base}/api/campaigns/${slug}/signatures`;
    // Only confirmed addresses reach the export: these supporters ask us to send, and confirm.
    const template = {
      ...validSignature(),
      channel: "platform_email",
      consentIdentity: true,
      email: "x@supporters.example",
      consentContact: true,
    };
    const names = acceptedIn("name", signatureSubmissionSchema, template).filter(
      (a) => a.group === "csvFormulas" || /^[=+\-@\t\r]/.test(a.value),
    );
    expect(names.length).toBeGreaterThan(30);
    const emails = ["-2+3@supporters.example", "+cmd@supporters.example", "@@supporters.example"].filter(
      (e) => signatureSubmissionSchema.safeParse({ ...template, email: e }).success,
    );
    const rows = [
      ...names.map((a, j) => ({ name: a.value, email: `csv-${j}@supporters.example` })),
      ...emails.map((email) => ({ name: "=1+1", email })),
    ];
    await inPool(rows, concurrency, async (row) => {
      const answer = await postJson("POST signatures (CSV rows)", signatures, { ...template, ...row });
      expect(answer.status, answer.text.slice(0, 200)).toBe(201);
      const { signatureId } = JSON.parse(answer.text) as { signatureId: string };
      expect((await confirmSupporterEmail(confirmationToken(signatureId, new Date()))).outcome).toBe("confirmed");
    });

    const browser = await launchHostileBrowser();
    try {
      const page = await browser.newPage({ baseURL: base });
      await page.goto("/staff/sign-in?lang=en");
      await page.getByLabel("Email address").fill(admin.email);
      await page.getByLabel("Password").fill(admin.password);
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.waitForURL(/\/staff(\?|$)/);
      const csv = await page.request.get(`/staff/export/supporters?campaign=${slug}`);
      tally.record("GET /staff/export/supporters", csv.status(), "");
      expect(csv.status()).toBe(200);
      const table = parseCsv(await csv.text(), { bom: true, relax_column_count: false }) as string[][];
      expect(table[0]).toEqual(["email", "name", "country", "language", "signed_at"]);
      const byEmail = new Map(table.slice(1).map((r) => [r[0]!.replace(/^'/, ""), r]));
      for (const row of rows) {
        const cells = byEmail.get(row.email);
        expect(cells, row.email).toBeDefined();
        expect(cells!.length).toBe(5);
        for (const cell of cells!)
          expect(/^[=+\-@\t\r]/.test(cell), `a cell a spreadsheet would run: ${JSON.stringify(cell)}`).toBe(false);
        const name = row.name.trim();
        expect(cells![1]).toBe(/^[=+\-@\t\r]/.test(name) ? `'${name}` : name);
      }
    } finally {
      await browser.close();
    }
  });
});
