// npm run mail:check: are the mail authentication records what the settings
// need? Derives the DKIM public key from DKIM_PRIVATE_KEY and prints the
// record to publish, then looks up DKIM, SPF, DMARC and the bounce domain's
// MX and says which match (docs/DEPLOY.md, "SMTP relay, DKIM, SPF, DMARC,
// bounces"). Offline it only prints what to publish and exits 0; a published
// DKIM key that is not the private key's half exits 1.
import "./lib/load-dotenv.ts";
import { createPrivateKey, createPublicKey } from "node:crypto";
import { Resolver } from "node:dns/promises";

const resolver = new Resolver({ timeout: 3000, tries: 2 });
const settings = process.env;
const fromDomain = (settings.MAIL_FROM_ADDRESS ?? "").split("@")[1]?.toLowerCase() ?? "";
const mailDomain = (
  settings.MAIL_RETURN_PATH_DOMAIN || hostOf(settings.PUBLIC_URL ?? "http://localhost:3000")
).toLowerCase();
let failed = false;

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return "";
  }
}

/** The TXT strings at a name, joined per record; null when DNS gives no answer at all (offline, no such name). */
async function txt(name: string): Promise<string[] | null> {
  try {
    return (await resolver.resolveTxt(name)).map((parts) => parts.join(""));
  } catch (error) {
    const code = (error as { code?: string }).code;
    // NXDOMAIN looks the same as a resolver that answers nothing useful offline: no verdict.
    return code === "ENODATA" ? [] : null;
  }
}

const say = (mark: "ok" | "!!" | "--", text: string) => console.log(`${mark} ${text}`);

async function checkDkim(): Promise<void> {
  const { DKIM_DOMAIN: domain, DKIM_SELECTOR: selector, DKIM_PRIVATE_KEY: pem } = settings;
  if (!domain || !selector || !pem) {
    say("--", "DKIM: not signed by the app (DKIM_DOMAIN, DKIM_SELECTOR, DKIM_PRIVATE_KEY unset); the relay must sign.");
    return;
  }
  let publicKey: string;
  try {
    const key = createPublicKey(createPrivateKey(pem.replace(/\\n/g, "\n")));
    publicKey = key.export({ type: "spki", format: "der" }).toString("base64");
  } catch (error) {
    say("!!", `DKIM: DKIM_PRIVATE_KEY is not a private key (${error instanceof Error ? error.message : error}).`);
    failed = true;
    return;
  }
  const name = `${selector}._domainkey.${domain}`;
  console.log(`   publish: ${name}. TXT "v=DKIM1; k=rsa; p=${publicKey}"`);
  const records = await txt(name);
  if (records === null)
    return say("--", `DKIM: no DNS answer for ${name} (not published yet, or offline?); publish the record above.`);
  const published = records
    .map((record) => /(?:^|;)\s*p=([^;]*)/.exec(record)?.[1]?.replace(/\s+/g, ""))
    .filter((value): value is string => value !== undefined);
  if (published.length === 0) return say("!!", `DKIM: no DKIM key published at ${name}; publish the record above.`);
  if (published.includes(publicKey)) return say("ok", `DKIM: ${name} holds the public half of DKIM_PRIVATE_KEY.`);
  say("!!", `DKIM: ${name} holds another key than DKIM_PRIVATE_KEY's; signatures will fail.`);
  failed = true;
}

async function checkSpf(domain: string, why: string): Promise<void> {
  const records = await txt(domain);
  if (records === null) return say("--", `SPF (${why}): no DNS answer for ${domain} (not published yet, or offline?).`);
  const spf = records.filter((record) => record.toLowerCase().startsWith("v=spf1"));
  if (spf.length === 1) return say("ok", `SPF (${why}): ${domain} "${spf[0]}" (check it names your relay).`);
  say("!!", `SPF (${why}): ${domain} has ${spf.length} SPF records; it needs exactly one.`);
}

async function checkDmarc(): Promise<void> {
  const records = await txt(`_dmarc.${fromDomain}`);
  if (records === null)
    return say("--", `DMARC: no DNS answer for _dmarc.${fromDomain} (not published yet, or offline?).`);
  const dmarc = records.find((record) => record.startsWith("v=DMARC1"));
  say(dmarc ? "ok" : "!!", dmarc ? `DMARC: _dmarc.${fromDomain} "${dmarc}"` : `DMARC: none at _dmarc.${fromDomain}.`);
}

async function checkMx(): Promise<void> {
  try {
    const mx = await resolver.resolveMx(mailDomain);
    if (mx.length === 0) return say("!!", `Bounces: ${mailDomain} has no MX; bounces cannot reach the listener.`);
    say(
      "ok",
      `Bounces: ${mailDomain} MX ${mx.map((m) => `${m.priority} ${m.exchange}`).join(", ")} (port 25 there must reach the listener).`,
    );
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === "ENODATA") return say("!!", `Bounces: ${mailDomain} has no MX; bounces cannot reach the listener.`);
    say("--", `Bounces: no DNS answer for ${mailDomain} (not published yet, or offline?).`);
  }
}

console.log(`From domain ${fromDomain || "(MAIL_FROM_ADDRESS unset)"}, envelope and Message-ID domain ${mailDomain}.`);
if (mailDomain === "localhost" || !mailDomain.includes("."))
  say("!!", "The mail domain is not a public domain: set MAIL_RETURN_PATH_DOMAIN or PUBLIC_URL.");
await checkDkim();
if (fromDomain) await checkSpf(fromDomain, "From domain");
if (mailDomain && mailDomain !== fromDomain) await checkSpf(mailDomain, "envelope domain");
if (fromDomain) await checkDmarc();
await checkMx();
process.exit(failed ? 1 : 0);
