// WCAG 1.4.10 (reflow) and 1.4.4 (resize text): at 320 CSS pixels wide,
// which is a 1280-pixel screen at 400% zoom, and with text at 200%, pages
// read in one column with no sideways scrolling.
import { expect, test } from "@playwright/test";

const pages = [
  "/",
  "/c/russia-amnesty-undesirable",
  "/c/russia-amnesty-undesirable/write",
  "/privacy",
  "/staff/sign-in",
  "/c/russia-amnesty-undesirable?lang=ru",
];

test.use({ viewport: { width: 320, height: 640 } });

test("pages need no sideways scrolling at 320 CSS pixels, even with text at 200%", async ({ page }) => {
  for (const url of pages) {
    await page.goto(url);
    for (const textSize of ["100%", "200%"]) {
      await page.evaluate((size) => (document.documentElement.style.fontSize = size), textSize);
      const overflow = await page.evaluate(() => {
        // Hidden from everyone (the spam trap) does not count.
        const wide = [...document.querySelectorAll("body *")].filter(
          (el) =>
            !el.closest("[aria-hidden=true]") &&
            el.getBoundingClientRect().right > document.documentElement.clientWidth + 1,
        );
        return {
          scroll: document.documentElement.scrollWidth - document.documentElement.clientWidth,
          wide: wide.slice(0, 3).map((el) => `${el.tagName}.${el.className}`),
        };
      });
      expect(overflow, `${url} at text ${textSize}`).toEqual({ scroll: 0, wide: [] });
    }
  }
});
