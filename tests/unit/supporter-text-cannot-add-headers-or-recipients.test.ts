// Property tests: whatever a supporter types (name, city, subject, letter,
// reply address), the emails we build have our headers and our recipients
// only. Inputs are generated raw, without the form's validation, so the
// mail layer holds even if a schema ever lets something through.
import fc from "fast-check";
import { simpleParser } from "mailparser";
import MailComposer from "nodemailer/lib/mail-composer";
import { describe, expect, it } from "vitest";
import { letterMail } from "@/lib/delivery/letter-mail";
import { isPlainMailAddress } from "@/lib/core/mail-address";
import { nodemailerMessage } from "@/lib/delivery/mailer";
import { renderEml } from "@/lib/letters/render-eml";
import { identityLevels } from "@/lib/core/vocabulary";

const runs = Number(process.env.PROPERTY_RUNS ?? 300);

// Strings built to break headers: line breaks, header-looking lines, address
// separators, encoded-word and SMTP dot-line tricks, and any other text.
const hostilePiece = fc.constantFrom(
  "\r\n",
  "\n",
  "\r",
  "\r\nBcc: victim@evil.example",
  "\nCc: other@evil.example",
  "\r\nTo: extra@evil.example\r\n",
  "\r\n\r\n",
  "\r\n.\r\nMAIL FROM:<x@evil.example>\r\nRCPT TO:<y@evil.example>\r\n",
  ", extra@evil.example",
  "; extra@evil.example",
  "<extra@evil.example>",
  '"quoted" <q@evil.example>',
  "=?utf-8?B?QmNjOiB4QGV2aWwuZXhhbXBsZQ==?=",
  "\u0000",
  "\u2028",
  "\u202E",
  "Content-Type: text/html",
  "X-Injected: yes",
);
const hostileText = fc
  .array(fc.oneof(hostilePiece, fc.string({ unit: "grapheme" }), fc.string({ unit: "binary" })), { maxLength: 8 })
  .map((parts) => parts.join(""));

const campaignSender = { name: "Letter campaigns", address: "letters@campaigns.example" };
const addressee = { name: "Sergey Lavrov", address: "ministry@mid.ru" };
const allowedLetterHeaders = new Set([
  "from",
  "to",
  "reply-to",
  "subject",
  "message-id",
  "date",
  "mime-version",
  "content-type",
  "content-transfer-encoding",
]);

async function headersAndRecipients(raw: Buffer) {
  const parsed = await simpleParser(raw);
  return {
    parsed,
    headerNames: [...parsed.headers.keys()],
    to: parsed.to && !Array.isArray(parsed.to) ? parsed.to.value.map((a) => a.address) : [],
  };
}

describe("what a supporter types cannot add a header or a recipient", () => {
  it("to a platform letter", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          identity: fc.constantFrom(...identityLevels),
          supporterName: hostileText,
          supporterCity: hostileText,
          subject: hostileText,
          text: hostileText,
          replyToAddress: fc.option(fc.oneof(fc.emailAddress(), hostileText), { nil: undefined }),
          language: fc.constantFrom("en", "ru", "fr", "es"),
        }),
        async (typed) => {
          const mail = letterMail({
            ...typed,
            campaignSender,
            addressee,
            supporterCountry: "FR",
            messageId: "<letter-1@campaigns.example>",
          });
          const compiled = new MailComposer(nodemailerMessage(mail)).compile();
          // The SMTP envelope: the one addressee, from the campaign's address.
          expect(compiled.getEnvelope()).toEqual({ from: campaignSender.address, to: [addressee.address] });
          const { parsed, headerNames, to } = await headersAndRecipients(await compiled.build());
          expect(headerNames.filter((name) => !allowedLetterHeaders.has(name))).toEqual([]);
          expect(to).toEqual([addressee.address]);
          expect(parsed.cc).toBeUndefined();
          expect(parsed.bcc).toBeUndefined();
          expect(parsed.from?.value.map((a) => a.address)).toEqual([campaignSender.address]);
          expect(parsed.messageId).toBe("<letter-1@campaigns.example>");
          // A plain reply address is kept; anything else is left out, never bent into a header.
          const replyTo = parsed.replyTo?.value.map((a) => a.address) ?? [];
          expect(replyTo).toEqual(
            typed.replyToAddress && isPlainMailAddress(typed.replyToAddress) ? [typed.replyToAddress] : [],
          );
        },
      ),
      { numRuns: runs },
    );
  });

  it("to a downloaded .eml draft", async () => {
    await fc.assert(
      fc.asyncProperty(hostileText, hostileText, async (subject, text) => {
        const raw = await renderEml({
          to: [addressee, { name: "Igor Krasnov", address: "pressa@genproc.gov.ru" }],
          subject,
          text,
        });
        const { parsed, headerNames, to } = await headersAndRecipients(raw);
        expect(headerNames.filter((name) => !allowedLetterHeaders.has(name) && name !== "x-unsent")).toEqual([]);
        expect(to).toEqual(["ministry@mid.ru", "pressa@genproc.gov.ru"]);
        expect(parsed.cc).toBeUndefined();
        expect(parsed.bcc).toBeUndefined();
      }),
      { numRuns: runs },
    );
  });
});
