import "server-only";
import { assertRole, type StaffIdentity } from "@/lib/auth/staff-identity";
import { toCsv } from "@/lib/core/csv";
import { coverLanguage, digestTexts } from "@/lib/digests/digest-texts";
import { dayAfter, localDay, startOfDay } from "@/lib/digests/office-day";
import { renderDigestPdf } from "@/lib/digests/render-digest-pdf";
import { countsOf } from "@/lib/digests/send-daily-digests";
import { formatDate } from "@/lib/i18n/format-date";
import { countryName } from "@/lib/letters/countries";
import { decryptText } from "@/lib/privacy/encryption";
import { addresseeForPack, addresseesForPacks, lettersForPack } from "./data";
import type { HandDeliveryQuery } from "./schema";

/**
 * The staff page: the addressees a pack can be made for, and the pack for
 * the query when one was asked for and is valid.
 */
export async function getHandDeliveryPage(actor: StaffIdentity, query: HandDeliveryQuery | null) {
  assertRole(actor, "staff");
  const addressees = (await addresseesForPacks()).map(({ id, name, key }) => ({ id, name, key }));
  return { addressees, pack: query ? await makeHandDeliveryPack(actor, query) : null };
}

export type HandDeliveryFigures = {
  letters: number;
  byCountry: { code: string; label: string; count: number }[];
  byDay: { day: string; count: number }[];
};

export type HandDeliveryPack =
  | { found: false }
  | {
      found: true;
      addresseeName: string;
      figures: HandDeliveryFigures;
      /** "<addressee-key-ish>-<from>-<to>", for file names. */
      fileStem: string;
      pdf: () => Promise<Buffer>;
      csv: () => string;
    };

/**
 * A hand-delivery pack for one addressee and period (days in the addressee's
 * time zone, both ends included): the letters written to it whose text we
 * still hold, of counted signatures, as a PDF (a cover page with the counts
 * by country and by day, then one page per letter signed only as its
 * supporter chose) and a CSV of the same figures. Staff and admins. The
 * counts by country are the dashboard's kind of figure (signatures' own
 * countries, exact, which staff already see); no name or address of a
 * supporter is in the figures.
 */
export async function makeHandDeliveryPack(actor: StaffIdentity, query: HandDeliveryQuery): Promise<HandDeliveryPack> {
  assertRole(actor, "staff");
  const addressee = await addresseeForPack(query.addressee);
  if (!addressee) return { found: false };
  const from = startOfDay(query.from, addressee.timeZone);
  const to = startOfDay(dayAfter(query.to), addressee.timeZone);
  const letters = await lettersForPack(addressee.id, from, to);
  const language = coverLanguage(letters);
  const t = digestTexts[language];
  const rows = letters.map((letter) => ({
    id: letter.id,
    language: letter.language,
    country: letter.signature.country,
    day: localDay(letter.createdAt, addressee.timeZone),
    content: letter.content!,
  }));
  const countries = countsOf(rows.map((r) => r.country));
  const figures: HandDeliveryFigures = {
    letters: rows.length,
    byCountry: countries.map(([code, count]) => ({ code, label: countryName(code, "en"), count })),
    byDay: [...countsOf(rows.map((r) => r.day))]
      .sort((a, b) => a[0].localeCompare(b[0]))
      .map(([day, count]) => ({ day, count })),
  };
  const period = t.days(formatDate(query.from, language), formatDate(query.to, language));
  return {
    found: true,
    addresseeName: addressee.name,
    figures,
    fileStem: `letters-${query.from}-${query.to}`,
    csv: () =>
      toCsv(
        ["dimension", "key", "label", "count"],
        [
          ["letters", "", "Letters", figures.letters],
          ...figures.byCountry.map((c) => ["letters_by_country", c.code, c.label, c.count]),
          ...figures.byDay.map((d) => ["letters_by_day", d.day, d.day, d.count]),
        ],
      ),
    pdf: () =>
      renderDigestPdf(
        {
          title: t.pack.title(addressee.name),
          lines: [
            [addressee.role, addressee.organisation].filter(Boolean).join(", "),
            ...(addressee.postalAddress ? [addressee.postalAddress] : []),
            "",
            t.pack.period(period),
            rows.length > 0 ? t.pack.letters(rows.length) : t.pack.none,
          ],
          tables: [
            {
              heading: t.pack.byCountry,
              rows: countries.map(([code, count]) => [countryName(code, language), count]),
            },
            { heading: t.pack.byDay, rows: figures.byDay.map((d) => [formatDate(d.day, language), d.count]) },
          ],
        },
        rows.map((row, index) => {
          const subject = decryptText(row.content.subjectEncrypted, {
            table: "PlatformLetter",
            column: "subjectEncrypted",
            row: row.id,
          });
          return {
            heading: t.letterHeading(index + 1, rows.length),
            dateLine: formatDate(row.day, row.language),
            subject,
            text: decryptText(row.content.bodyEncrypted, {
              table: "PlatformLetter",
              column: "bodyEncrypted",
              row: row.id,
            }),
          };
        }),
      ),
  };
}
