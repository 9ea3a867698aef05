// A reader in Tor Browser (JavaScript off, its safest mode) on the onion
// address, or one who found a mirror, must never be sent to the canonical
// address: the network they are on may block it, or watch who opens it.
// The e2e server answers on all three (tests/setup/e2e-global.ts).
import http from "node:http";
import { expect, test, type Page } from "@playwright/test";
import { db } from "@/lib/core/db";
import { decryptText } from "@/lib/privacy/encryption";
import { e2eMirrorHost, e2eOnionHost, e2ePort } from "../../../playwright.config";

test.use({ javaScriptEnabled: false });

const canonicalHost = `127.0.0.1:${e2ePort}`;
const ourHosts = [canonicalHost, `localhost:${e2ePort}`, e2eOnionHost, e2eMirrorHost];
const slug = "russia-amnesty-undesirable";

/** Every request the page makes (redirects included) and every redirect's target. */
function recordTraffic(page: Page) {
  const urls: string[] = [];
  page.on("request", (request) => urls.push(request.url()));
  page.on("response", (response) => {
    const location = response.headers()["location"];
    if (location) urls.push(new URL(location, response.url()).toString());
  });
  return urls;
}

/**
 * The page's links and form targets: none leads to another of our addresses,
 * except the safety notice's link to the same page on the onion.
 */
async function expectLinksStayOn(page: Page, host: string) {
  const targets = await page.locator("a[href], form[action], [formaction]").evaluateAll((elements) =>
    elements.map((e) => ({
      url: e.getAttribute("href") ?? e.getAttribute("action") ?? e.getAttribute("formaction") ?? "",
      onionNotice: e.closest("[data-testid=onion-notice]") !== null,
    })),
  );
  expect(targets.length).toBeGreaterThan(0);
  for (const { url, onionNotice } of targets) {
    const target = new URL(url, page.url());
    if (onionNotice) {
      expect(target.host, `${url} on ${page.url()}`).toBe(e2eOnionHost);
      expect(target.pathname).toBe(new URL(page.url()).pathname);
      continue;
    }
    // Third-party addresses (x.com, t.me, webmail) are the reader's choice; ours must be this one.
    if (ourHosts.includes(target.host)) expect(target.host, `${url} on ${page.url()}`).toBe(host);
  }
  // The address offered for sharing is this one too.
  const share = page.locator("input.share-url");
  if (await share.count()) expect(new URL(await share.inputValue()).host).toBe(host);
}

/** The no-JavaScript letter builder, filled in for "send them for me". */
async function signAndAskUsToSend(page: Page, email: string) {
  await page.getByLabel(/Your country/).selectOption("DE");
  await page.getByRole("radio", { name: /^No name/ }).check();
  await page.getByRole("radio", { name: /Send them for me/ }).check();
  await page.getByLabel(/Your email address/).fill(email);
  await page.getByRole("checkbox", { name: /carry the identity I chose/ }).check();
  await page.getByRole("checkbox", { name: /Count my signature/ }).check();
  await page.getByRole("button", { name: "Sign and get my letters" }).click();
  const thanks = page.getByTestId("thank-you");
  await expect(thanks.getByRole("heading", { level: 1 })).toHaveText("Thank you");
  await expect(thanks).toContainText("One more step");
}

for (const [where, host] of [
  ["the onion", e2eOnionHost],
  ["a mirror", e2eMirrorHost],
] as const) {
  test(`a reader without JavaScript on ${where} reads, signs, asks us to send and downloads without leaving it`, async ({
    browser,
  }, testInfo) => {
    const context = await browser.newContext({ javaScriptEnabled: false, baseURL: `http://${host}` });
    const page = await context.newPage();
    const traffic = recordTraffic(page);

    await page.goto(`/c/${slug}`);
    const notice = page.getByTestId("onion-notice");
    if (host === e2eOnionHost) {
      await expect(notice).toHaveText(/You are using this site’s onion address/);
      await expect(notice.getByRole("link")).toHaveCount(0);
    } else {
      await expect(notice.getByRole("link", { name: e2eOnionHost })).toHaveAttribute(
        "href",
        `http://${e2eOnionHost}/c/${slug}?lang=en`,
      );
    }
    await expectLinksStayOn(page, host);

    await page.getByRole("link", { name: "Write your letter" }).first().click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Write your letter");
    await expectLinksStayOn(page, host);

    const email = `tor.reader.${testInfo.workerIndex}.${host.split(".")[0]!.slice(0, 8)}@example.org`;
    await signAndAskUsToSend(page, email);
    await expectLinksStayOn(page, host);

    const pdf = page.waitForEvent("download");
    await page.getByRole("button", { name: "PDF, A4" }).click();
    expect((await pdf).suggestedFilename()).toMatch(/\.pdf$/);

    await page.goto("/privacy");
    await expectLinksStayOn(page, host);

    expect(traffic.length).toBeGreaterThan(4);
    expect(traffic.filter((url) => new URL(url).host !== host)).toEqual([]);

    // The confirmation email leads back to this address first, then the canonical one.
    const links = (await confirmationText(email)).match(/https?:\/\/[^\s<>"]+\/confirm\?token=[^\s<>"]+/g) ?? [];
    expect(links.map((link) => new URL(link).host)).toEqual(
      host === e2eOnionHost ? [e2eOnionHost, canonicalHost] : [e2eMirrorHost, canonicalHost, e2eOnionHost],
    );
    await context.close();
  });
}

test("the privacy page offers the onion on the usual address and says so on the onion", async ({ browser }) => {
  const usual = await browser.newContext({ javaScriptEnabled: false, locale: "ru-RU" });
  const page = await usual.newPage();
  await page.goto("/privacy?lang=ru");
  const offer = page.getByTestId("onion-notice");
  await expect(offer).toContainText("onion-сервис");
  await expect(offer).toContainText("Анонимности он не даёт");
  await expect(offer.getByRole("link", { name: e2eOnionHost })).toHaveAttribute(
    "href",
    `http://${e2eOnionHost}/privacy?lang=ru`,
  );
  await offer.getByRole("link").click();
  await expect(page).toHaveURL(`http://${e2eOnionHost}/privacy?lang=ru`);
  await expect(page.getByTestId("onion-notice")).toContainText("Вы открыли сайт по его onion-адресу");
  await usual.close();
});

type Answer = { status: number; headers: http.IncomingHttpHeaders; body: string };

/** A request with the Host (and any header) we choose, as a client that is not a browser sends it. */
function send(path: string, headers: Record<string, string>, method = "GET"): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.request({ host: "127.0.0.1", port: e2ePort, path, method, headers }, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (body += chunk));
      response.on("end", () => resolve({ status: response.statusCode!, headers: response.headers, body }));
    });
    request.on("error", reject);
    request.end(method === "POST" ? "{}" : undefined);
  });
}

const pagePaths = ["/", `/c/${slug}?lang=ru`, "/privacy"];

test("answers on the onion carry no HTTPS upgrade; the usual address and the mirror name the onion", async () => {
  for (const path of pagePaths) {
    const onion = await send(path, { Host: e2eOnionHost });
    expect(onion.status).toBe(200);
    expect(onion.headers["strict-transport-security"]).toBeUndefined();
    expect(onion.headers["content-security-policy"]).not.toMatch(/upgrade-insecure-requests/);
    expect(onion.headers["onion-location"]).toBeUndefined();
    for (const host of [canonicalHost, e2eMirrorHost]) {
      const answer = await send(path, { Host: host });
      expect(answer.status).toBe(200);
      expect(answer.headers["onion-location"]).toBe(`http://${e2eOnionHost}${path}`);
      // The e2e origins are plain http: no HSTS there either.
      expect(answer.headers["strict-transport-security"]).toBeUndefined();
    }
  }
  const api = await send("/api/campaigns", { Host: e2eOnionHost });
  expect(api.status).toBe(200);
  expect(api.headers["strict-transport-security"]).toBeUndefined();
});

test("a request for an address we do not list is refused with nothing to follow", async () => {
  const targets = [
    { path: `/c/${slug}`, method: "GET" },
    { path: "/api/campaigns", method: "GET" },
    { path: `/c/${slug}/letters/pdf`, method: "POST" },
  ];
  const misdirections: Record<string, string>[] = [
    { Host: "evil.example" },
    { Host: `evil.example:${e2ePort}` },
    { Host: canonicalHost, "X-Forwarded-Host": "evil.example" },
    { Host: e2eOnionHost, "X-Forwarded-Host": "evil.example" },
  ];
  for (const { path, method } of targets) {
    for (const headers of misdirections) {
      const answer = await send(path, { ...headers, "Content-Type": "application/json" }, method);
      expect(answer.status, `${method} ${path} ${JSON.stringify(headers)}`).toBe(421);
      expect(answer.body).not.toMatch(/evil|href|https?:|\.onion|localhost|127\.0\.0\.1/i);
      expect(answer.headers["location"]).toBeUndefined();
      expect(answer.headers["onion-location"]).toBeUndefined();
    }
  }
});

/** The newest address-confirmation email to `email`, as its text part reads. */
async function confirmationText(email: string): Promise<string> {
  process.env.DATABASE_URL ??= process.env.E2E_DATABASE_URL;
  const messages = await db().outboxMessage.findMany({
    where: { kind: "address_confirmation" },
    orderBy: { createdAt: "desc" },
  });
  for (const message of messages) {
    const to = decryptText(message.toEncrypted, { table: "OutboxMessage", column: "toEncrypted", row: message.id });
    if (to !== email) continue;
    return decryptText(message.textEncrypted, { table: "OutboxMessage", column: "textEncrypted", row: message.id });
  }
  throw new Error(`No confirmation email to ${email} in the outbox.`);
}
