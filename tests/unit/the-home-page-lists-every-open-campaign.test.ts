// With several campaigns open, the home page lists each: its title as the
// link, its organiser and its summary, and a partner's code travels on.
import { renderToStaticMarkup } from "react-dom/server";
import { createElement } from "react";
import { describe, expect, it } from "vitest";
import { CampaignList } from "@/components/campaign/campaign-list";
import type { PublicCampaignSummary } from "@/lib/campaigns/schema";

const campaign = (slug: string, title: string, language = "en"): PublicCampaignSummary => ({
  slug,
  status: "open",
  language,
  languages: [language],
  organiser: "the Observatory for the Protection of Human Rights Defenders (FIDH-OMCT)",
  title,
  summary: `Summary of ${title}.`,
  signatureGoal: null,
  appealDate: null,
  closesAt: null,
  url: `/c/${slug}`,
});

describe("the list of open campaigns", () => {
  const campaigns = [
    campaign("russia-amnesty-undesirable", "Russia: lift the ban on Amnesty International"),
    campaign("free-the-defenders", "Освободите правозащитников", "ru"),
  ];

  it("shows every campaign with its link, organiser and summary", () => {
    const html = renderToStaticMarkup(createElement(CampaignList, { campaigns, locale: "en" }));
    expect(html).toContain("<h1");
    expect(html).toContain("2 campaigns are open.");
    expect(html).toContain(
      '<a href="/c/russia-amnesty-undesirable?lang=en">Russia: lift the ban on Amnesty International</a>',
    );
    expect(html).toContain('<li lang="ru" data-testid="campaign"><h2><a href="/c/free-the-defenders?lang=en">');
    expect(html.match(/An appeal by the Observatory/g)).toHaveLength(2);
    expect(html).toContain("Summary of Освободите правозащитников.");
  });

  it("carries a partner's code into each link, in the reader's language", () => {
    const html = renderToStaticMarkup(createElement(CampaignList, { campaigns, locale: "ru", source: "omct" }));
    expect(html).toContain("Открыты 2 кампании.");
    expect(html).toContain('href="/c/russia-amnesty-undesirable?lang=ru&amp;source=omct"');
    expect(html).toContain('href="/c/free-the-defenders?lang=ru&amp;source=omct"');
  });
});
