// The letter flow with the keyboard alone: Tab from the top of the page to
// each control, type, Space to choose, Enter to send. Every stop shows a
// visible focus ring, and a form error is announced and reachable.
import { expect, test, type Page } from "@playwright/test";

/** Presses Tab until the focused element's accessible name matches; checks each stop is visibly focused. */
async function tabTo(page: Page, name: RegExp, maxTabs = 120): Promise<void> {
  for (let i = 0; i < maxTabs; i++) {
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const labelled = el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : null;
      const text =
        el.getAttribute("aria-label") ?? labelled ?? el.closest("label")?.textContent ?? el.textContent ?? "";
      const style = getComputedStyle(el);
      const ring = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2;
      return { text: text.replace(/\s+/g, " ").trim(), ring, tag: el.tagName };
    });
    if (!focused) continue;
    expect(focused.ring, `focus ring on “${focused.text}” (${focused.tag})`).toBe(true);
    if (name.test(focused.text)) return;
  }
  throw new Error(`Tab never reached ${name}`);
}

test("a supporter writes and signs with the keyboard alone", async ({ page }) => {
  await page.goto("/c/russia-amnesty-undesirable");
  await tabTo(page, /^Skip to content$/);
  await tabTo(page, /^Write your letter$/);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Write your letter");

  await tabTo(page, /Your country/);
  // A select's type-ahead forgets what was typed after about a second, so on
  // a busy machine the keys of "Germany" can land on another country. Each G
  // moves to the next country starting with G, whatever the pace.
  const country = page.getByLabel(/Your country/);
  for (let press = 0; press < 40 && (await country.inputValue()) !== "DE"; press++) await page.keyboard.press("g");
  await expect(country).toHaveValue("DE");

  // Sign without ticking "count my signature": the error is announced, and reachable by keyboard.
  await tabTo(page, /Sign and get my letters/);
  await page.keyboard.press("Enter");
  const error = page.getByRole("alert").filter({ hasText: "Tick the box to let us count your signature" });
  await expect(error).toBeVisible();

  await page.locator("body").focus();
  // Tab reaches a radio group at its chosen option; the arrow keys choose another.
  await tabTo(page, /send them from my own email/);
  await page.keyboard.press("ArrowDown");
  await expect(page.getByRole("radio", { name: /print or post them/ })).toBeChecked();
  await tabTo(page, /Count my signature/);
  await page.keyboard.press("Space");
  await expect(page.getByRole("checkbox", { name: /Count my signature/ })).toBeChecked();
  await tabTo(page, /Sign and get my letters/);
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("thank-you").getByRole("heading", { level: 1 })).toHaveText("Thank you");
  // The thank-you page's downloads are reachable too.
  await tabTo(page, /PDF, A4/);
});
