// Every supporter email gives each of its links (confirm, delete my data) at
// the site's usual address and, when an onion service is set, at the onion
// address beside it, each labelled, in text and HTML and in every language;
// the address the supporter's own request came in on comes first. With only
// PUBLIC_URL, an email looks as it always did: one link, no labels.
import { describe, expect, it } from "vitest";
import { addressConfirmationEmail } from "@/emails/address-confirmation";
import { confirmationReminderEmail } from "@/emails/confirmation-reminder";
import { contactConfirmationEmail } from "@/emails/contact-confirmation";
import { deliverySummaryEmail } from "@/emails/delivery-summary";
import { heldConfirmationsEmail } from "@/emails/held-confirmations";
import type { EmailLink, RenderedEmail } from "@/emails/layout";
import { outcomeUpdateEmail } from "@/emails/outcome-update";
import { emailLanguages, emailTexts } from "@/emails/texts";
import { thankYouEmail } from "@/emails/thank-you";
import { emailLinkOrigins, publicOriginsOf } from "@/lib/core/origins";

const onion = `http://${"abcdefghijklmnopqrstuvwxyz234567".repeat(2).slice(0, 56)}.onion`;
const canonical = "https://letters.example";
const mirror = "https://mirror.example";
const otherMirror = "https://other-mirror.example";
const withOnion = publicOriginsOf({ PUBLIC_URL: canonical, ONION_URL: onion, MIRROR_URLS: [mirror, otherMirror] });
const canonicalOnly = publicOriginsOf({ PUBLIC_URL: canonical, ONION_URL: undefined, MIRROR_URLS: [] });

/** A path as an email link, the way lib/privacy/email-links.ts makes it. */
const link = (path: string, own: string | null, origins = withOnion): EmailLink =>
  emailLinkOrigins(own, origins).map((o) => ({ url: `${o.origin}${path}`, kind: o.kind }));

const deletePath = (language: string) => `/privacy/delete?token=t.1&lang=${language}`;
const confirmPath = "/c/x/confirm?token=c.2&lang=en";

/** Every kind of supporter email, with its links going where `own` says. */
function everyEmail(language: string, own: string | null, origins = withOnion) {
  const context = { language, retentionDays: 30, deleteUrl: link(deletePath(language), own, origins) };
  const confirming = { ...context, campaignTitle: "Free them", confirmUrl: link(confirmPath, own, origins) };
  const withConfirm: Record<string, RenderedEmail> = {
    "address confirmation": addressConfirmationEmail({
      ...confirming,
      addressees: ["Sergey Lavrov"],
      letter: { subject: "Free them", text: "Dear Minister,\n\nPlease act.", replyToMe: false },
    }),
    "contact confirmation": contactConfirmationEmail(confirming),
    reminder: confirmationReminderEmail({
      ...confirming,
      addressees: ["Sergey Lavrov"],
      expiresAt: new Date("2026-03-05T09:30:00Z"),
    }),
    "contact reminder": confirmationReminderEmail({ ...confirming, expiresAt: new Date("2026-03-05T09:30:00Z") }),
    "held confirmations": heldConfirmationsEmail({
      ...context,
      submissions: [
        {
          at: new Date("2026-03-02T09:30:00Z"),
          campaignTitle: "Free them",
          addressees: ["Sergey Lavrov"],
          confirmUrl: link(confirmPath, own, origins),
          deleteUrl: link(deletePath(language), own, origins),
        },
      ],
    }),
  };
  const withoutConfirm: Record<string, RenderedEmail> = {
    "thank-you": thankYouEmail({ ...context, campaignTitle: "Free them", addressees: ["Sergey Lavrov"] }),
    "delivery summary": deliverySummaryEmail({
      ...context,
      campaignTitle: "Free them",
      outcomes: [{ addressees: ["Sergey Lavrov"], status: "sent", sentAt: new Date("2026-11-23T10:00:00Z") }],
    }),
    "outcome update": outcomeUpdateEmail({ ...context, campaignTitle: "Free them", subject: "News", body: "Freed." }),
  };
  return { withConfirm, withoutConfirm };
}

const firstUrl = (text: string) => text.match(/https?:\/\/[^\s"<]+/)?.[0];
const hrefs = (html: string) => [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!.replace(/&amp;/g, "&"));

describe("supporter emails on a site with an onion service", () => {
  it.each(emailLanguages)("in %s: each link is given at the onion and the usual address, labelled", (language) => {
    const labels = emailTexts(language).links;
    const { withConfirm, withoutConfirm } = everyEmail(language, onion);
    const check = (name: string, email: RenderedEmail, path: string) => {
      // Text: the link's own words, then each address on its line, the supporter's (the onion) first.
      expect(email.text, name).toContain(`${labels.onion} ${onion}${path}\n${labels.canonical} ${canonical}${path}`);
      // HTML: the same two, labelled and clickable, in the same order.
      const html = path.replace(/&/g, "&amp;");
      expect(email.html, name).toContain(
        `${labels.onion} <a href="${onion}${html}">${onion}${html}</a><br>\n` +
          `${labels.canonical} <a href="${canonical}${html}">${canonical}${html}</a>`,
      );
      // A mirror is never handed to a mailbox that did not come from it.
      expect(email.text, name).not.toContain("mirror.example");
      expect(email.html, name).not.toContain("mirror.example");
    };
    for (const [name, email] of Object.entries(withConfirm)) {
      check(name, email, confirmPath);
      check(name, email, deletePath(language));
      expect(firstUrl(email.text), name).toBe(`${onion}${confirmPath}`);
      expect(hrefs(email.html)[0], name).toBe(`${onion}${confirmPath}`);
    }
    for (const [name, email] of Object.entries(withoutConfirm)) {
      check(name, email, deletePath(language));
      expect(firstUrl(email.text), name).toBe(`${onion}${deletePath(language)}`);
      expect(hrefs(email.html)[0], name).toBe(`${onion}${deletePath(language)}`);
    }
  });

  it.each(emailLanguages)(
    "in %s: a supporter who signed at the usual address gets it first, the onion beside it",
    (language) => {
      const labels = emailTexts(language).links;
      const { withConfirm, withoutConfirm } = everyEmail(language, canonical);
      for (const [name, email] of Object.entries({ ...withConfirm, ...withoutConfirm })) {
        const path = name in withConfirm ? confirmPath : deletePath(language);
        expect(email.text, name).toContain(`${labels.canonical} ${canonical}${path}\n${labels.onion} ${onion}${path}`);
        expect(firstUrl(email.text), name).toBe(`${canonical}${path}`);
        expect(hrefs(email.html), name).toEqual(
          name in withConfirm
            ? [`${canonical}${path}`, `${onion}${path}`, ...hrefs(email.html).slice(2)]
            : [`${canonical}${path}`, `${onion}${path}`],
        );
      }
    },
  );

  it("a supporter who signed on a mirror gets that mirror first, then the usual and onion addresses, and no other mirror", () => {
    const labels = emailTexts("ru").links;
    const { withoutConfirm } = everyEmail("ru", mirror);
    const email = withoutConfirm["delivery summary"]!;
    const path = deletePath("ru");
    expect(email.text).toContain(
      `${labels.mirror} ${mirror}${path}\n${labels.canonical} ${canonical}${path}\n${labels.onion} ${onion}${path}`,
    );
    expect(hrefs(email.html)).toEqual([`${mirror}${path}`, `${canonical}${path}`, `${onion}${path}`]);
    expect(email.text).not.toContain(otherMirror);
  });

  it("labels read naturally in each language", () => {
    expect(emailTexts("en").links).toEqual({
      canonical: "Usual address:",
      onion: "Tor Browser (onion address):",
      mirror: "Mirror address:",
    });
    expect(emailTexts("es").links.onion).toBe("Tor Browser (dirección onion):");
    expect(emailTexts("fr").links.onion).toBe("Navigateur Tor (adresse onion) :");
    expect(emailTexts("ru").links.onion).toBe("Tor Browser (onion-адрес):");
  });
});

describe("supporter emails on a site with PUBLIC_URL alone", () => {
  it.each(emailLanguages)("in %s: each link is the one usual address, unlabelled, as before", (language) => {
    const labels = Object.values(emailTexts(language).links);
    // Whatever the stored origin says (an onion no longer set): the canonical link alone.
    const { withConfirm, withoutConfirm } = everyEmail(language, onion, canonicalOnly);
    const asBefore = everyEmail(language, null, canonicalOnly);
    for (const [name, email] of Object.entries({ ...withConfirm, ...withoutConfirm })) {
      for (const label of labels) expect(email.text, name).not.toContain(label);
      expect(email.text, name).not.toContain(".onion");
      expect(email.text, name).toContain(`\n${canonical}${deletePath(language)}`);
      expect(email.html, name).toContain(`<a href="${canonical}${deletePath(language).replace(/&/g, "&amp;")}">`);
      // The same email as one made with the plain URL string the templates always took.
      const plain = name in withConfirm ? asBefore.withConfirm[name]! : asBefore.withoutConfirm[name]!;
      expect(email).toEqual(plain);
    }
    // Exactly one link per link block: the delete link once in the thank-you.
    const thankYou = withoutConfirm["thank-you"]!;
    expect(thankYou.text.match(/https?:\/\//g)).toHaveLength(1);
    expect(hrefs(thankYou.html)).toEqual([`${canonical}${deletePath(language)}`]);
  });

  it("renders a link given as a plain URL exactly as one given as a single canonical address", () => {
    const url = `${canonical}${deletePath("en")}`;
    const asString = thankYouEmail({
      language: "en",
      retentionDays: 30,
      deleteUrl: url,
      campaignTitle: "T",
      addressees: ["A"],
    });
    const asList = thankYouEmail({
      language: "en",
      retentionDays: 30,
      deleteUrl: [{ url, kind: "canonical" }],
      campaignTitle: "T",
      addressees: ["A"],
    });
    expect(asList).toEqual(asString);
    expect(asString.text).toContain(`${emailTexts("en").footer.delete}\n${url}`);
  });
});
