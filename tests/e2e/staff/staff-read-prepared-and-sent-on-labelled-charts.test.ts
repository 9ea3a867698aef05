// Staff read the dashboard the way they would quote it: signatures, letters
// prepared and letters confirmed sent as separate figures, charts with a
// title, axis values, axis titles and bar values (drawn in colour, not as
// black boxes), a table beside each, counts per partner source, and tables
// whose cells never wrap letter by letter, at 1280 and 390 px. The public
// campaign page gives the same three figures.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { db } from "@/lib/core/db";
import { signInAs } from "../../helpers/e2e-staff";

const slug = "h3-prepared-and-sent";

// One worker runs this file's tests, after one set-up of their campaign.
test.describe.configure({ mode: "serial" });

// Written with the database client alone: the seeding modules read the message
// catalogues, which the test runner cannot load.
test.beforeAll(async () => {
  process.env.DATABASE_URL ??= process.env.E2E_DATABASE_URL;
  if (await db().campaign.findUnique({ where: { slug } })) return;
  const campaign = await db().campaign.create({
    data: {
      slug,
      status: "open",
      organiser: "Test organiser",
      languages: ["en"],
      translations: {
        create: {
          language: "en",
          title: "Counting honestly",
          summary: "A campaign for this test.",
          context: "Context.",
          whyItMatters: "Because.",
          safetyNotice: "Be careful.",
        },
      },
      templates: {
        create: { language: "en", subject: "Subject", body: "{{salutation}}\n\nPlease act.\n\n{{signer}}" },
      },
      addressees: {
        create: {
          position: 0,
          addressee: {
            create: {
              key: `${slug}-official`,
              name: "An Official",
              role: "Minister",
              kind: "official",
              emails: ["official@example.org"],
              lastVerifiedAt: new Date("2026-01-01"),
            },
          },
        },
      },
    },
    include: { addressees: true },
  });
  const addresseeId = campaign.addressees[0]!.addresseeId;
  // Fixed days, so the chart's labels and values do not depend on today.
  const days = [...Array(3).fill("2026-03-01T10:00:00Z"), ...Array(5).fill("2026-03-02T15:00:00Z")];
  for (const [i, day] of days.entries()) {
    const createdAt = new Date(day);
    const signature = await db().signature.create({
      data: {
        campaignId: campaign.id,
        country: "DE",
        identityLevel: "anonymous",
        language: "en",
        consentCounted: true,
        countedAt: createdAt,
        createdAt,
      },
    });
    // Two supporters said they sent theirs (what the thank-you view's "I sent it" writes).
    const letter = await db().letter.create({
      data: {
        signatureId: signature.id,
        campaignId: campaign.id,
        addresseeId,
        channel: "own_email_client",
        language: "en",
        ...(i < 2 ? { reportedSentAt: createdAt } : {}),
      },
    });
    await db().pendingTally.createMany({
      data: [
        { campaignId: campaign.id, signatureId: signature.id },
        { campaignId: campaign.id, letterId: letter.id },
        ...(i < 2 ? [{ campaignId: campaign.id, sentLetterId: letter.id }] : []),
      ],
    });
  }
  await db().campaignSource.create({
    data: { campaignId: campaign.id, code: "amnesty-be", label: "Amnesty Belgium newsletter" },
  });
  // Four signatures counted for the code, as signing writes them (the roll-up has not run).
  await db().pendingTally.create({
    data: { campaignId: campaign.id, dimension: "signatures_by_source", key: "amnesty-be", delta: 4 },
  });
});

async function expectNoCellWrapsLetterByLetter(page: Page) {
  // A cell holding one word (a number, "Count", "Prepared") keeps it on one line.
  const wrapped = await page.locator("table.figures").evaluateAll((tables) =>
    tables.flatMap((table) =>
      [...table.querySelectorAll("th, td")].flatMap((cell) => {
        const text = (cell.textContent ?? "").trim();
        const range = document.createRange();
        range.selectNodeContents(cell);
        const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
        return text && !/\s/.test(text) && lines > 1 ? [text] : [];
      }),
    ),
  );
  expect(wrapped).toEqual([]);
}

for (const width of [1280, 390]) {
  test(`the dashboard shows prepared and sent apart, on labelled charts, at ${width} px`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    await signInAs(page, "staff");
    await page.goto(`/staff?campaign=${slug}&lang=en`);

    await expect(page.getByTestId("dashboard-signatures")).toHaveText("8 signatures");
    await expect(page.getByTestId("dashboard-letters")).toHaveText("8 letters prepared");
    await expect(page.getByTestId("dashboard-letters-sent")).toHaveText(
      "2 letters confirmed sent (25% of those prepared)",
    );

    // Signatures by day: a titled chart with its text alternative, axis values and titles, bar values.
    const byDay = page.getByTestId("by-day");
    const chart = byDay.getByRole("img", { name: "Signatures by day (UTC)" });
    await expect(chart).toBeVisible();
    await expect(chart).toHaveAccessibleDescription(
      "2 bars, from Mar 1, 2026 to Mar 2, 2026; highest: 5 (Mar 2, 2026); total: 8.",
    );
    const texts = await chart.locator("text").allTextContents();
    for (const label of ["0", "2", "4", "6", "3", "5", "Mar 1, 2026", "Mar 2, 2026", "Day (UTC)", "Signatures"])
      expect(texts).toContain(label);
    const fill = await chart
      .locator("rect")
      .first()
      .evaluate((rect) => getComputedStyle(rect).fill);
    expect(fill).toBe("rgb(11, 83, 148)");
    await expect(byDay.getByRole("table").getByRole("row", { name: "Mar 2, 2026 5" })).toBeVisible();

    // Prepared against confirmed sent, by channel: chart with legend, and the table beside it.
    const byChannel = page.getByTestId("by-channel");
    const paired = byChannel.getByRole("img", { name: "Letters prepared and confirmed sent, by channel" });
    await expect(paired).toHaveAccessibleDescription("Own email client: 8 prepared, 2 confirmed sent");
    const pairedTexts = await paired.locator("text").allTextContents();
    for (const label of ["Prepared", "Confirmed sent", "Own email client", "8", "2", "Letters"])
      expect(pairedTexts).toContain(label);
    await expect(byChannel.getByRole("row", { name: "Own email client 8 2" })).toBeVisible();
    await expect(byChannel.getByRole("columnheader")).toHaveText(["Channel", "Prepared", "Confirmed sent"]);

    // Signatures per partner source.
    await expect(
      page.getByTestId("by-source").getByRole("row", { name: "Amnesty Belgium newsletter (amnesty-be) 4" }),
    ).toBeVisible();

    await expectNoCellWrapsLetterByLetter(page);
    // Nothing pushes the page sideways: wide charts and tables scroll in their own boxes.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
  });
}

test("the campaign page gives people, letters prepared and letters confirmed sent, and how they are counted", async ({
  page,
}) => {
  await page.goto(`/c/${slug}?lang=en`);
  const count = page.getByTestId("signature-count");
  await expect(count.locator(".count-figure")).toHaveText("8 people have written so far");
  await expect(count.getByTestId("letter-counts")).toHaveText("8 letters prepared · 2 confirmed sent");
  await count.getByText("How we count").click();
  await expect(count.getByText(/It is confirmed sent when our server has handed the email/)).toBeVisible();
});

test("the dashboard with its charts and the campaign page with its counts have no WCAG A/AA violations", async ({
  page,
}) => {
  test.setTimeout(300_000);
  await signInAs(page, "staff");
  for (const url of [`/staff?campaign=${slug}&lang=en`, `/staff?campaign=${slug}&lang=ru`, `/c/${slug}?lang=en`]) {
    await page.goto(url);
    const results = await new AxeBuilder({ page })
      .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
      .analyze();
    expect(
      results.violations.map((v) => `${url}: ${v.id} ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
    ).toEqual([]);
  }
});
