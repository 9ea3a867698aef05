import { expect, test } from "@playwright/test";

const slug = "russia-amnesty-undesirable";
const write = `/c/${slug}/write`;

for (const javaScriptEnabled of [true, false]) {
  test.describe(`campaign page with JavaScript ${javaScriptEnabled ? "on" : "off"}`, () => {
    test.use({ javaScriptEnabled });

    test("names the organiser, gives no appeal date and says first to write to the embassy", async ({ page }) => {
      await page.goto(`/c/${slug}?lang=en`);
      await expect(page.locator(".campaign-header .eyebrow")).toHaveText(
        "An appeal by the Observatory for the Protection of Human Rights Defenders (FIDH-OMCT)",
      );
      // The appeal is not dated: the page used to say "Appeal of May 23, 2025".
      await expect(page.locator("main")).not.toContainText("Appeal of");

      const firstStep = page.getByRole("region", { name: "What to do first" });
      await expect(firstStep).toContainText("write to the Russian embassy in your own country");
      await expect(firstStep.getByRole("link", { name: "Write your letter" })).toHaveAttribute(
        "href",
        `${write}?lang=en`,
      );
      const stepBox = await firstStep.boundingBox();
      const demandsBox = await page.getByRole("heading", { name: "What we ask" }).boundingBox();
      expect(stepBox!.y).toBeLessThan(demandsBox!.y);

      await expect(page.getByTestId("addressee").first()).toContainText("Details checked on 23 May 2025");
    });

    test("shares through plain links, with the warning beside them", async ({ page, baseURL }) => {
      await page.goto(`/c/${slug}?lang=en`);
      const share = page.getByRole("region", { name: "Share this appeal" });
      await expect(share).toContainText("if you are in Russia, plan to travel there, or are a Russian citizen abroad");
      await expect(share).toContainText("do not share this appeal");

      const expected: [string, string][] = [
        ["Email", "mailto:?subject="],
        ["Telegram", "https://t.me/share/url?url="],
        ["WhatsApp", "https://wa.me/?text="],
        ["X", "https://x.com/intent/post?text="],
        ["VK", "https://vk.com/share.php?url="],
      ];
      const pageUrl = encodeURIComponent(`${baseURL}/c/${slug}`);
      for (const [name, start] of expected) {
        const link = share.getByRole("link", { name, exact: true });
        const href = (await link.getAttribute("href"))!;
        expect(href.startsWith(start), `${name}: ${href}`).toBe(true);
        expect(href).toContain(pageUrl);
        expect((await link.getAttribute("rel"))!.split(" ").sort()).toEqual(["noopener", "noreferrer"]);
      }
      // Signal and Mastodon: the link to copy, nothing loaded from anyone.
      await expect(share.getByLabel("The campaign’s link, to copy")).toHaveValue(`${baseURL}/c/${slug}`);
      await expect(share).toContainText("For Signal, Mastodon");
      await expect(share.locator("img, script, iframe, object, embed")).toHaveCount(0);
    });
  });
}

test("the first step, organiser and dates read naturally in French, Spanish and Russian", async ({ page }) => {
  const cases = [
    {
      lang: "fr",
      byline: "Un appel lancé par l’Observatoire pour la protection des défenseurs des droits humains (FIDH-OMCT)",
      step: "Par où commencer",
      embassy: "l’ambassade de Russie dans votre propre pays",
      checked: "Coordonnées vérifiées le 23 mai 2025",
    },
    {
      lang: "es",
      byline:
        "Un llamamiento lanzado por el Observatorio para la Protección de los Defensores de Derechos Humanos (FIDH-OMCT)",
      step: "Por dónde empezar",
      embassy: "embajada de Rusia en su propio país",
      checked: "Datos comprobados el 23 de mayo de 2025",
    },
    {
      lang: "ru",
      byline: "Автор призыва — Обсерватория по защите правозащитников (FIDH-OMCT)",
      step: "С чего начать",
      embassy: "посольство России в вашей стране",
      checked: "Данные проверены 23 мая 2025 года",
    },
  ];
  for (const { lang, byline, step, embassy, checked } of cases) {
    await page.goto(`/c/${slug}?lang=${lang}`);
    await expect(page.locator(".campaign-header .eyebrow")).toHaveText(byline);
    await expect(page.getByRole("region", { name: step })).toContainText(embassy);
    await expect(page.getByTestId("addressee").first()).toContainText(checked);
  }
  // The letters' organisation line in Russian, on the addressee's card too.
  await expect(page.getByTestId("addressee").first()).toContainText("Администрация Президента Российской Федерации");
});

test("a partner's code travels into the letter builder; a malformed one is dropped", async ({ page }) => {
  await page.goto(`/c/${slug}?lang=en&source=omct-newsletter`);
  const builderLinks = page.locator(`a[href^="${write}"]`);
  await expect(builderLinks).toHaveCount(2);
  for (const href of await builderLinks.evaluateAll((links) => links.map((a) => a.getAttribute("href"))))
    expect(href).toBe(`${write}?lang=en&source=omct-newsletter`);
  await expect(page.getByRole("link", { name: "Русский" }).last()).toHaveAttribute(
    "href",
    `/c/${slug}?lang=ru&source=omct-newsletter`,
  );
  // The share links never carry it: sharing says nothing about where one came from.
  for (const href of await page
    .getByRole("region", { name: "Share this appeal" })
    .getByRole("link")
    .evaluateAll((links) => links.map((a) => a.getAttribute("href"))))
    expect(href).not.toContain("omct");

  await builderLinks.first().click();
  await expect(page).toHaveURL(new RegExp(`${write}\\?lang=en&source=omct-newsletter$`));
  await expect(page.locator('input[name="source"]')).toHaveValue("omct-newsletter");

  for (const bad of ["OMCT", "omct%20news", "omct_news", "a".repeat(41)]) {
    await page.goto(`/c/${slug}?lang=en&source=${bad}`);
    await expect(page.locator(`a[href^="${write}"]`).first()).toHaveAttribute("href", `${write}?lang=en`);
  }

  // The home page lists the open campaigns (tests/setup/e2e-global.ts); each link carries the code.
  await page.goto(`/?lang=en&source=fidh`);
  await expect(page.getByRole("link", { name: "Russia: lift the ban on Amnesty International" })).toHaveAttribute(
    "href",
    `/c/${slug}?lang=en&source=fidh`,
  );

  await page.goto(`/embed/${slug}?lang=en&source=fidh`);
  await expect(page.getByRole("link", { name: /Write your letter/ })).toHaveAttribute(
    "href",
    `${write}?lang=en&source=fidh`,
  );
  await expect(page.getByRole("heading", { level: 1 }).getByRole("link")).toHaveAttribute(
    "href",
    `/c/${slug}?lang=en&source=fidh`,
  );
});
