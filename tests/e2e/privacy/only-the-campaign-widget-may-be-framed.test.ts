// A partner's page can show the campaign widget in a frame; no other page of
// ours can be framed (clickjacking a letter form or a staff page is refused).
// The partner page is served by Playwright under an https origin of its own.
import { expect, test } from "@playwright/test";
import config from "../../../playwright.config";

// The partner page is "public" and our test server is on loopback: Chromium's
// local-network protection would block the frame before any header is read.
// A real partner and a real deployment are both public, so it is turned off here.
const launchOptions = config.use?.launchOptions ?? {};
test.use({
  launchOptions: {
    ...launchOptions,
    args: [
      ...(launchOptions.args ?? []),
      "--disable-features=LocalNetworkAccessChecks,BlockInsecurePrivateNetworkRequests,PrivateNetworkAccessSendPreflights",
    ],
  },
});

const partner = "https://partner.example/appeal.html";

test("a partner site shows the widget; the campaign page and staff pages refuse to be framed", async ({
  page,
  baseURL,
}) => {
  await page.route(partner, (route) =>
    route.fulfill({
      contentType: "text/html",
      body: `<!doctype html><title>Partner</title>
        <iframe id="widget" title="widget" src="${baseURL}/embed/russia-amnesty-undesirable?lang=fr" width="400" height="500"></iframe>
        <iframe id="page" title="page" src="${baseURL}/c/russia-amnesty-undesirable" width="400" height="500"></iframe>
        <iframe id="staff" title="staff" src="${baseURL}/staff/sign-in" width="400" height="500"></iframe>`,
    }),
  );
  const refused: string[] = [];
  page.on("console", (message) => {
    if (/frame-ancestors|Refused to (display|frame)/i.test(message.text())) refused.push(message.text());
  });
  await page.goto(partner);

  const widget = page.frameLocator("#widget");
  await expect(widget.getByRole("heading", { level: 1 })).toContainText("Amnesty");
  const write = widget.getByRole("link", { name: /Écrire votre lettre/ });
  await expect(write).toHaveAttribute("target", "_blank");
  await expect(write).toHaveAttribute("href", "/c/russia-amnesty-undesirable/write?lang=fr");
  await expect(widget.getByText(/lisez d’abord l’avertissement de sécurité/)).toBeVisible();
  // The widget has no form: nothing is typed into a page someone else controls.
  await expect(widget.locator("form")).toHaveCount(0);

  // The other two frames show nothing of ours: the browser refused them.
  await expect.poll(() => refused.length).toBeGreaterThanOrEqual(2);
  await expect(page.frameLocator("#page").getByRole("heading", { name: /Amnesty/ })).toHaveCount(0);
  await expect(page.frameLocator("#staff").getByRole("button", { name: "Sign in" })).toHaveCount(0);
  // Two refusals (page and staff sign-in), both by our policy; none for the widget.
  expect(refused).toHaveLength(2);
  for (const message of refused) expect(message).toContain("frame-ancestors 'none'");
});

test("the widget opens the campaign in a new tab, where the full page does the rest", async ({
  page,
  context,
  baseURL,
}) => {
  await page.route(partner, (route) =>
    route.fulfill({
      contentType: "text/html",
      body: `<!doctype html><title>Partner</title><iframe id="widget" title="widget" src="${baseURL}/embed/russia-amnesty-undesirable" width="400" height="500"></iframe>`,
    }),
  );
  await page.goto(partner);
  const [tab] = await Promise.all([
    context.waitForEvent("page"),
    page
      .frameLocator("#widget")
      .getByRole("link", { name: /Write your letter/ })
      .click(),
  ]);
  await tab.waitForLoadState();
  expect(new URL(tab.url()).pathname).toBe("/c/russia-amnesty-undesirable/write");
  await expect(tab.getByRole("heading", { level: 1 })).toBeVisible();
  // noopener: the partner page cannot reach into our tab.
  expect(await tab.evaluate(() => window.opener)).toBeNull();
});
