import type { Metadata } from "next";
import { requireStaff } from "@/lib/auth/session";
import { listUpdateCampaigns } from "@/lib/follow-ups/send-outcome-update";
import { catalogues, formatDate, languageNames, translator } from "@/lib/i18n/messages";
import { requestLocale } from "@/lib/i18n/request-locale";
import { outcomeUpdateAction } from "./actions";
import { UpdateForm } from "@/components/staff/outcome-update-form";

export const dynamic = "force-dynamic";

const columns = ["colCampaign", "colLanguage", "colRecipients", "colSent"] as const;

export async function generateMetadata(): Promise<Metadata> {
  return { title: translator(await requestLocale(), "staffUpdates")("title"), robots: { index: false } };
}

/** /staff/updates: the one outcome update per campaign and language, for campaign staff and admins. */
export default async function UpdatesPage() {
  const staff = await requireStaff("staff");
  const locale = await requestLocale();
  const t = translator(locale, "staffUpdates");
  const campaigns = await listUpdateCampaigns(staff, locale);
  const languageName = (code: string) => languageNames[code as keyof typeof languageNames] ?? code;
  const titleOf = (c: (typeof campaigns)[number]) => (c.closed ? t("closed", { title: c.title }) : c.title);
  const targets = campaigns.flatMap((campaign) =>
    campaign.languages
      .filter((l) => !l.sent)
      .map((l) => ({
        value: `${campaign.id}:${l.language}`,
        label: t("targetOption", { title: titleOf(campaign), language: languageName(l.language), count: l.recipients }),
      })),
  );
  return (
    <>
      <h1>{t("title")}</h1>
      <p>{t("intro")}</p>
      <h2>{t("tableHeading")}</h2>
      <table data-testid="updates-table">
        <thead>
          <tr>
            {columns.map((key) => (
              <th scope="col" key={key}>
                {t(key)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {campaigns.flatMap((campaign) =>
            campaign.languages.map((l) => (
              <tr key={`${campaign.id}:${l.language}`}>
                <td>{titleOf(campaign)}</td>
                <td>{languageName(l.language)}</td>
                <td>{l.recipients}</td>
                <td>
                  {l.sent
                    ? t("sentOn", {
                        count: l.sent.queuedCount,
                        date: formatDate(l.sent.at.toISOString().slice(0, 10), locale),
                      })
                    : t("notSent")}
                </td>
              </tr>
            )),
          )}
        </tbody>
      </table>
      {targets.length > 0 && (
        <section aria-labelledby="write">
          <h2 id="write">{t("formHeading")}</h2>
          <UpdateForm
            action={outcomeUpdateAction}
            targets={targets}
            locale={locale}
            messages={{ staffUpdates: catalogues[locale].staffUpdates }}
          />
        </section>
      )}
    </>
  );
}
