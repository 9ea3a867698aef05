// A supporter's subject that looks like an RFC 2047 encoded word reaches the
// addressee (and the .eml draft) exactly as typed: a mail client shows the
// characters, not a decoded line break and "Bcc:" line.
import { simpleParser } from "mailparser";
import MailComposer from "nodemailer/lib/mail-composer";
import { describe, expect, it } from "vitest";
import { letterMail } from "@/lib/delivery/letter-mail";
import { nodemailerMessage } from "@/lib/delivery/mailer";
import { renderEml } from "@/lib/letters/render-eml";

const subjects = [
  "=?utf-8?Q?=0D=0ABcc:_victim@evil.example?=",
  "Free Amnesty =?UTF-8?B?QmNjOiB4QGV2aWwuZXhhbXBsZQ==?= now",
  `Свободу правозащитникам =?koi8-r?Q?=F0=D2=C9=D7=C5=D4?= ${"долгий текст ".repeat(12)}`,
];

async function sentSubject(subject: string): Promise<{ subject?: string; headers: string[] }> {
  const mail = letterMail({
    campaignSender: { name: "Letter campaigns", address: "letters@campaigns.example" },
    addressee: { name: "Sergey Lavrov", address: "ministry@mid.ru" },
    identity: "anonymous",
    supporterCountry: "DE",
    language: "en",
    subject,
    text: "Please.",
    messageId: "<m@campaigns.example>",
  });
  const raw = await new MailComposer(nodemailerMessage(mail)).compile().build();
  const parsed = await simpleParser(raw);
  return { subject: parsed.subject, headers: [...parsed.headers.keys()] };
}

describe("subjects shaped like encoded words", () => {
  it.each(subjects)("arrive as typed in a sent letter: %s", async (subject) => {
    const sent = await sentSubject(subject);
    expect(sent.subject).toBe(subject);
    expect(sent.headers).not.toContain("bcc");
  });

  it.each(subjects)("stay as typed in the .eml draft: %s", async (subject) => {
    const parsed = await simpleParser(
      await renderEml({ to: [{ name: "Sergey Lavrov", address: "ministry@mid.ru" }], subject, text: "Please." }),
    );
    expect(parsed.subject).toBe(subject);
  });

  it("leaves ordinary subjects alone", async () => {
    expect((await sentSubject("Remove Amnesty International from the list")).subject).toBe(
      "Remove Amnesty International from the list",
    );
  });
});

// The same trick in the supporter's name or city, which show in From and
// Reply-To: a mail client that decodes display names would show the FSB's
// director and address as the sender.
const names = [
  "=?utf-8?B?QWxleGFuZGVyIEJvcnRuaWtvdiwgRGlyZWN0b3IgRlNCIDxmc2JAZnNiLnJ1Pg==?=",
  "Анна =?utf-8?Q?=3Cfsb@fsb.ru=3E?=",
];

async function sentDisplayNames(name: string, city: string) {
  const mail = letterMail({
    campaignSender: { name: "Letter campaigns", address: "letters@campaigns.example" },
    addressee: { name: "Sergey Lavrov", address: "ministry@mid.ru" },
    identity: "full",
    supporterName: name,
    supporterCity: city,
    supporterCountry: "DE",
    language: "en",
    subject: "Remove Amnesty International from the list",
    text: "Please.",
    messageId: "<m@campaigns.example>",
    replyToAddress: "ana@example.org",
  });
  const parsed = await simpleParser(await new MailComposer(nodemailerMessage(mail)).compile().build());
  return { from: parsed.from?.value ?? [], replyTo: parsed.replyTo?.value ?? [] };
}

describe("names and cities shaped like encoded words", () => {
  it.each(names)("show as typed in From and Reply-To, with our addresses only: %s", async (name) => {
    const { from, replyTo } = await sentDisplayNames(name, name);
    expect(from).toEqual([
      { name: `${name}, ${name}, Germany (via Letter campaigns)`, address: "letters@campaigns.example" },
    ]);
    expect(replyTo).toEqual([{ name: `${name}, ${name}, Germany`, address: "ana@example.org" }]);
  });
});
