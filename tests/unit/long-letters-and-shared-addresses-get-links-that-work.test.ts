// Mail links a supporter can trust: a letter too long for a link (mail apps
// cut links near 2,000 characters) is not offered as one, with the reason
// said; two addressees at one address get one email greeting both; webmail
// links open a new message in the supporter's own account.
import { renderToStaticMarkup } from "react-dom/server";
import { createElement } from "react";
import { describe, expect, it } from "vitest";
import { ThankYouView } from "@/components/letters/thank-you-view";
import { catalogues } from "@/lib/i18n/messages";
import { channelFor, composeLetters, type LetterAddressee } from "@/lib/letters/compose-letters";
import { letterOutputs, maxLinkLength } from "@/lib/letters/letter-outputs";
import type { LetterBuilder } from "@/lib/letters/get-letter-builder";
import type { ThankYou } from "@/lib/signatures/letter-form-state";
import type { SendingChannel } from "@/lib/core/vocabulary";

const addressee = (id: string, overrides: Partial<LetterAddressee> = {}): LetterAddressee => ({
  id,
  name: `Addressee ${id}`,
  role: "Ambassador",
  organisation: null,
  kind: "mission",
  country: null,
  emails: [`${id}@example.org`],
  xHandle: null,
  postalAddress: null,
  salutation: null,
  ...overrides,
});
const geneva = addressee("00000000-0000-4000-8000-000000000001", {
  name: "Permanent Mission in Geneva",
  salutation: "Dear Ambassador in Geneva,",
  emails: ["mission.russian@vtxnet.ch"],
});
const brussels = addressee("00000000-0000-4000-8000-000000000002", {
  name: "Embassy in Brussels",
  salutation: "Dear Ambassador in Brussels,",
  emails: ["Mission.Russian@vtxnet.ch"],
});
const ministry = addressee("00000000-0000-4000-8000-000000000003", { name: "Ministry", emails: ["ministry@mid.ru"] });
const kremlin = addressee("00000000-0000-4000-8000-000000000004", {
  name: "Kremlin",
  emails: [],
  xHandle: "KremlinRussia_E",
  postalAddress: null,
});
const postOffice = addressee("00000000-0000-4000-8000-000000000005", {
  name: "Prosecutor",
  emails: [],
  postalAddress: "Bolshaya Dmitrovka 15a\n125993 Moscow",
});

const date = new Date("2025-06-01T12:00:00Z");
const draft = (body: string, language = "en") => ({
  subject: "Remove Amnesty International from the list",
  body: `{{salutation}}\n\n${body}\n\n{{signer}}`,
  language,
  identity: "anonymous" as const,
  country: "DE",
});
const outputsFor = (
  addressees: LetterAddressee[],
  body: string,
  language = "en",
  channel: SendingChannel = "own_email_client",
) => {
  const d = draft(body, language);
  const letters = composeLetters(addressees, d, date).map((l) => ({ ...l, channel: channelFor(l.addressee, channel) }));
  return letterOutputs(letters, d, null);
};
// About the launch letter in Russian: Cyrillic percent-encodes to six characters each.
const longRussian = "Требуем исключить Amnesty International из перечня нежелательных организаций. ".repeat(20);

describe("mail links", () => {
  it("offer a short letter as mailto and webmail links to the supporter's own account", () => {
    const outputs = outputsFor([ministry], "Free the defenders.");
    const links = outputs.emails[0]!.links!;
    expect(links.mailto).toMatch(/^mailto:ministry@mid\.ru\?subject=Remove%20Amnesty/);
    expect(links.gmail).toMatch(/^https:\/\/mail\.google\.com\/mail\/\?view=cm&fs=1&to=ministry@mid\.ru&su=Remove/);
    expect(links.outlook).toMatch(
      /^https:\/\/outlook\.live\.com\/mail\/0\/deeplink\/compose\?to=ministry@mid\.ru&subject=/,
    );
    expect(links.yandex).toMatch(/^https:\/\/mail\.yandex\.ru\/compose\?to=ministry@mid\.ru&subject=/);
    for (const link of Object.values(links)) {
      expect(decodeURIComponent(link)).toContain("Free the defenders.");
      expect(link.length).toBeLessThanOrEqual(maxLinkLength);
    }
    expect(outputs.addressees[0]!.mailto).toBe(links.mailto);
  });

  it("do not offer a letter longer than a mail app keeps: address and subject only, and no mailto for all", () => {
    const outputs = outputsFor([ministry, geneva], longRussian, "ru");
    for (const email of outputs.emails) {
      expect(email.links).toBeNull();
      for (const link of Object.values(email.blankLinks)) {
        expect(link.length).toBeLessThanOrEqual(maxLinkLength);
        expect(link).not.toContain("body=");
      }
    }
    expect(outputs.mailtoAllFits).toBe(false);
  });

  it("give two addressees sharing one address one email that greets both", () => {
    const outputs = outputsFor([ministry, geneva, brussels], "Free the defenders.");
    expect(outputs.emails.map((e) => e.names)).toEqual([
      ["Ministry"],
      ["Permanent Mission in Geneva", "Embassy in Brussels"],
    ]);
    const shared = outputs.emails[1]!;
    expect(shared.to).toEqual(["mission.russian@vtxnet.ch"]);
    expect(shared.text).toContain("Dear Ambassador in Geneva,\nDear Ambassador in Brussels,");
    expect(shared.text.match(/Free the defenders\./g)).toHaveLength(1);
    // Each addressee's own link is the one shared message, so nobody sends twice.
    expect(outputs.addressees[1]!.mailto).toBe(outputs.addressees[2]!.mailto);
    expect(outputs.addressees[1]!.mailto).toBe(shared.links!.mailto);
  });
});

const messages = (locale: "en" | "ru") => ({ thankYou: catalogues[locale].thankYou });
const builder = { campaign: { slug: "russia-amnesty-undesirable", language: "en", safetyNotice: "Be careful." } };
function thankYouHtml(
  outputs: ReturnType<typeof outputsFor>,
  channel: ThankYou["channel"],
  locale: "en" | "ru" = "en",
) {
  const thankYou: ThankYou = {
    outcome: "recorded",
    channel,
    confirmationQueued: false,
    signatures: 3,
    outputs,
    content: { language: locale, subject: "s", body: "b", identity: "anonymous", country: "DE", addressees: [] },
    emailAddressees: outputs.emails.length,
    sentReportToken: "sent.token",
  };
  return renderToStaticMarkup(
    createElement(ThankYouView, {
      builder: builder as unknown as LetterBuilder,
      thankYou,
      locale,
      messages: messages(locale),
    }),
  );
}

describe("the thank-you view", () => {
  it("says why a long letter has no link, in the supporter's language, and offers the .eml and the text", () => {
    const html = thankYouHtml(outputsFor([ministry, geneva], longRussian, "ru"), "own_email_client", "ru");
    expect(html).toContain(catalogues.ru.thankYou.tooLong);
    expect(html).toContain("Файл письма (.eml) для этого адреса");
    expect(html).not.toMatch(/href="mailto:[^"]*body=/);
    expect(html).toContain('id="copy-text"');
  });

  it("opens webmail in a new tab that learns nothing of this page, and warns readers in Russia about Yandex", () => {
    const html = thankYouHtml(outputsFor([ministry], "Free the defenders."), "own_email_client");
    expect(html).toMatch(
      /<a href="https:\/\/mail\.google\.com[^"]*" rel="noreferrer noopener" target="_blank">Gmail<\/a>/,
    );
    expect(html).toContain(catalogues.en.thankYou.yandexWarning);
    expect(html).toContain("Proton Mail has no link");
  });

  it("shows one email for two addressees at one address", () => {
    const html = thankYouHtml(outputsFor([geneva, brussels], "Free the defenders."), "own_email_client");
    expect(html.match(/data-testid="email-output"/g)).toHaveLength(1);
    expect(html).toContain("These addressees share one address");
  });

  it("says “by post” only for an addressee with a postal address", () => {
    const html = thankYouHtml(outputsFor([kremlin, postOffice], "Free the defenders.", "en", "pdf_print"), "pdf_print");
    expect(html).toContain('Kremlin</strong>, Ambassador <span class="small">— as a PDF to print, attach or hand in');
    expect(html).toContain(
      'Prosecutor</strong>, Ambassador <span class="small">— by post (PDF with the postal address)',
    );
  });

  it("shows no copy button before a script runs (it could not copy), and keeps the text to select", () => {
    const html = thankYouHtml(outputsFor([ministry], "Free the defenders."), "own_email_client");
    expect(html).not.toContain("Copy to clipboard");
    expect(html).toContain("Free the defenders.");
  });

  it("offers “I sent them” as a plain form: one choice per email, one per other letter, none for ours", () => {
    const html = thankYouHtml(outputsFor([geneva, brussels, kremlin], "Free the defenders."), "own_email_client");
    expect(html).toContain('action="/c/russia-amnesty-undesirable/letters/report" method="post"');
    expect(html).toContain(`value="${geneva.id} ${brussels.id}"`);
    expect(html).toContain(`value="${kremlin.id}"`);
    expect(html.match(/name="letters"/g)).toHaveLength(2);
    // Print keeps its single .eml among the downloads, without a list of emails.
    const print = thankYouHtml(outputsFor([ministry, kremlin], "Free the defenders.", "en", "pdf_print"), "pdf_print");
    expect(print).not.toContain('data-testid="email-output"');
    expect(print.match(/\.eml\)/g)).toHaveLength(1);
    const platform = thankYouHtml(
      outputsFor([ministry], "Free the defenders.", "en", "platform_email"),
      "platform_email",
    );
    expect(platform).not.toContain("letters/report");
  });
});
