import { expect, test } from "@playwright/test";

const demands = [
  "Remove Amnesty International from the list of “undesirable organisations” immediately.",
  "Repeal the law on “undesirable organisations” and related repressive laws, such as the “foreign agents” law.",
  "End all harassment, including judicial harassment, of Amnesty International",
  "Articles 19, 21 and 22 of the International Covenant on Civil and Political Rights",
];

const addressees: { name: string; role: string; contact: string }[] = [
  { name: "Vladimir Putin", role: "President of the Russian Federation", contact: "@KremlinRussia_E" },
  { name: "Mikhail Mishustin", role: "Prime Minister of the Russian Federation", contact: "@GovernmentRF" },
  { name: "Sergey Lavrov", role: "Minister of Foreign Affairs", contact: "ministry@mid.ru" },
  { name: "Igor Krasnov", role: "Prosecutor General of the Russian Federation", contact: "pressa@genproc.gov.ru" },
  { name: "Alexander Bortnikov", role: "Director of the Federal Security Service (FSB)", contact: "fsb@fsb.ru" },
  {
    name: "Permanent Mission of the Russian Federation to the United Nations Office at Geneva",
    role: "Diplomatic mission",
    contact: "mission.russian@vtxnet.ch",
  },
  {
    name: "Embassy of the Russian Federation in Brussels, Belgium",
    role: "Embassy",
    contact: "mission.russian@vtxnet.ch",
  },
];

for (const javaScriptEnabled of [true, false]) {
  test.describe(`campaign page with JavaScript ${javaScriptEnabled ? "on" : "off"}`, () => {
    test.use({ javaScriptEnabled });

    test("the home page lists the open campaigns and leads to the launch campaign", async ({ page }) => {
      const response = await page.goto("/?lang=en");
      expect(response?.status()).toBe(200);
      // Two or more campaigns are open in the e2e database (tests/setup/e2e-global.ts).
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Open campaigns");
      const launch = page.getByRole("link", { name: "Russia: lift the ban on Amnesty International" });
      await expect(launch).toHaveAttribute("href", "/c/russia-amnesty-undesirable?lang=en");
      await expect(page.getByRole("link", { name: "Protect the journalists" })).toBeVisible();
      await launch.click();
      await expect(page).toHaveURL(/\/c\/russia-amnesty-undesirable\?lang=en$/);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Russia: lift the ban on Amnesty International");
    });

    test("the campaign page shows the four demands and the seven addressees with their contacts", async ({ page }) => {
      const response = await page.goto("/c/russia-amnesty-undesirable");
      expect(response?.status()).toBe(200);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Russia: lift the ban on Amnesty International");

      const demandItems = page.locator("ol.demands > li");
      await expect(demandItems).toHaveCount(4);
      for (const [index, demand] of demands.entries()) {
        await expect(demandItems.nth(index)).toContainText(demand);
      }

      const cards = page.getByTestId("addressee");
      await expect(cards).toHaveCount(7);
      for (const [index, addressee] of addressees.entries()) {
        const card = cards.nth(index);
        await expect(card.getByRole("heading")).toHaveText(addressee.name);
        await expect(card).toContainText(addressee.role);
        await expect(card.getByRole("link", { name: addressee.contact })).toBeVisible();
        await expect(card).toContainText("No postal address on file");
      }
    });

    test("the safety notice comes first and the call to write leads to the letter builder", async ({ page }) => {
      await page.goto("/c/russia-amnesty-undesirable");
      const notice = page.getByRole("complementary", { name: "Before you take part" });
      await expect(notice).toContainText(
        "If you are in Russia, plan to travel there, or are a Russian citizen living abroad",
      );
      await expect(notice).toContainText("You can write without giving your name");
      // Before any call to action: the first link to the letter builder comes after the notice.
      const noticeBox = await notice.boundingBox();
      const ctaBox = await page.getByRole("link", { name: "Write your letter" }).first().boundingBox();
      expect(noticeBox!.y).toBeLessThan(ctaBox!.y);
      await expect(page.getByRole("link", { name: "Write your letter" }).first()).toHaveAttribute(
        "href",
        "/c/russia-amnesty-undesirable/write?lang=en",
      );
      await expect(page.getByTestId("signature-count")).toContainText(/written so far|Be the first to write/);
    });
  });
}

test("the campaign reads in Russian, addressees included", async ({ page }) => {
  await page.goto("/c/russia-amnesty-undesirable?lang=ru");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Россия: отмените запрет Amnesty International");
  await expect(page.locator("article[lang=ru]")).toBeVisible();
  await expect(page.getByTestId("addressee").first().getByRole("heading")).toHaveText("Владимир Путин");
  await expect(page.locator("ol.demands > li")).toHaveCount(4);
});

test("the campaign page and the letter builder load nothing from any other host", async ({ page, baseURL }) => {
  // Two pages and a proof of work on a machine that may be busy.
  test.setTimeout(300_000);
  const foreign: string[] = [];
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (url.origin !== new URL(baseURL!).origin && !["data:", "blob:"].includes(url.protocol))
      foreign.push(request.url());
  });
  await page.goto("/c/russia-amnesty-undesirable");
  await page.waitForLoadState("networkidle", { timeout: 240_000 });
  await page.goto("/c/russia-amnesty-undesirable/write");
  await page.getByLabel("Subject").focus(); // starts the proof of work
  // Its challenge fetched and solved: everything the page loads has been asked for.
  await expect(page.locator("input[name=altcha]")).toHaveValue(/^eyJ/, { timeout: 240_000 });
  await page.waitForLoadState("networkidle", { timeout: 240_000 });
  expect(foreign).toEqual([]);
});
