import type { Metadata } from "next";
import { BarChart, type LabelledCount } from "@/components/staff/bar-chart";
import { CountTable, FiguresTable } from "@/components/staff/figures-table";
import { MailPauseNotice } from "@/components/staff/mail-pause-notice";
import { PairedBarChart, type PreparedAndSent } from "@/components/staff/paired-bar-chart";
import { countryName as nameOfCountry } from "@/lib/letters/countries";
import { requireStaff } from "@/lib/auth/session";
import { translator } from "@/lib/i18n/messages";
import { requestLocale } from "@/lib/i18n/request-locale";
import { campaignStatuses, deliveryStatuses, letterChannels } from "@/lib/core/vocabulary";
import { getDashboard } from "@/lib/staff/get-dashboard";
import { resumeMailAddressAction, understoodMailPauseAction } from "../admin/mail-pauses/actions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: translator(await requestLocale(), "staff")("dashboard.title"), robots: { index: false } };
}

const known = <T extends string>(list: readonly T[], value: string): value is T =>
  (list as readonly string[]).includes(value);

export default async function DashboardPage({ searchParams }: PageProps<"/staff">) {
  const staff = await requireStaff("staff");
  const campaign = (await searchParams).campaign;
  const data = await getDashboard(staff, typeof campaign === "string" ? campaign : undefined);
  const locale = await requestLocale();
  const t = translator(locale, "staff");
  const c = data.campaign;

  const statusLabel = (status: string) =>
    known(deliveryStatuses, status) ? t(`dashboard.deliveryStatus.${status}`) : status;
  const byStatus = (rows: { status: string; count: number }[]): LabelledCount[] =>
    rows.map((d) => ({ key: d.status, label: statusLabel(d.status), count: d.count }));
  const campaignStatus = (status: string) =>
    known(campaignStatuses, status) ? t(`dashboard.campaignStatus.${status}`) : status;
  // "ZZ" (the supporter preferred not to say) reads "Not given", not Intl's "Unknown Region".
  const countryName = (code: string) => nameOfCountry(code, locale);
  const day = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" });
  const hour = new Intl.DateTimeFormat(locale, {
    day: "numeric",
    month: "short",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    timeZone: "UTC",
  });
  // Days ("2026-03-01") and hours ("2026-03-01T14") come as keys; shown the local way, still in UTC.
  const byDay = data.byDay.map((d): LabelledCount => ({
    ...d,
    label: /^\d{4}-\d{2}-\d{2}$/.test(d.key) ? day.format(new Date(`${d.key}T00:00:00Z`)) : d.key,
  }));
  const byHour = data.byHour.map((d): LabelledCount => ({
    ...d,
    label: /^\d{4}-\d{2}-\d{2}T\d{2}$/.test(d.key)
      ? hour.format(new Date(`${d.key}:00:00Z`))
      : `${d.key.replace("T", " ")}:00`,
  }));
  const byCountry = data.byCountry.map((d): LabelledCount => ({ ...d, label: countryName(d.key) }));
  const byAddressee = data.byAddressee.map((d): PreparedAndSent => ({
    key: d.key,
    count: d.count,
    sent: d.sent,
    label: d.name ?? t("dashboard.deletedAddressee"),
  }));
  const byChannel = data.byChannel.map((d): PreparedAndSent => ({
    ...d,
    label: known(letterChannels, d.key) ? t(`dashboard.channels.${d.key}`) : d.key,
  }));
  const bySource = data.bySource.map((d) => ({
    key: d.key,
    label: t("figures.sourceLabel", { label: d.label, code: d.key }),
    values: [d.count],
  }));
  const computedAt = new Intl.DateTimeFormat(locale, {
    year: "numeric",
    month: "long",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hourCycle: "h23",
    timeZone: "UTC",
  }).format(data.computedAt);
  const strong = (chunks: React.ReactNode) => <strong>{chunks}</strong>;

  return (
    <div className="staff">
      <h1>{c ? t("dashboard.titleWithCampaign", { campaign: c.title }) : t("dashboard.title")}</h1>
      <MailPauseNotice
        pauses={data.mailPauses}
        locale={locale}
        isAdmin={staff.role === "admin"}
        understoodAction={understoodMailPauseAction}
        resumeAction={resumeMailAddressAction}
      />
      {data.campaigns.length > 1 && (
        <form method="get" className="inline-form">
          <input type="hidden" name="lang" value={locale} />
          <label htmlFor="campaign">{t("dashboard.campaign")}</label>
          <select id="campaign" name="campaign" defaultValue={c?.slug}>
            {data.campaigns.map((x) => (
              <option key={x.slug} value={x.slug}>
                {t("dashboard.campaignOption", { title: x.title, status: campaignStatus(x.status) })}
              </option>
            ))}
          </select>
          <button type="submit">{t("dashboard.show")}</button>
        </form>
      )}
      {!c ? (
        <p>{t("dashboard.noCampaign")}</p>
      ) : (
        <>
          <section aria-labelledby="totals">
            <h2 id="totals">{t("dashboard.totals")}</h2>
            <p data-testid="dashboard-signatures">
              {c.goal
                ? t.rich("dashboard.signaturesOfGoal", {
                    count: data.signatures,
                    goal: c.goal,
                    percent: Math.floor((data.signatures / c.goal) * 100) / 100,
                    strong,
                  })
                : t.rich("dashboard.signatures", { count: data.signatures, strong })}
            </p>
            {c.goal ? (
              <progress max={c.goal} value={Math.min(data.signatures, c.goal)} aria-label={t("dashboard.progress")} />
            ) : null}
            <p data-testid="dashboard-letters">{t.rich("figures.lettersPrepared", { count: data.letters, strong })}</p>
            <p data-testid="dashboard-letters-sent">
              {t.rich("figures.lettersSent", {
                count: data.lettersSent,
                percent: data.letters ? Math.floor((data.lettersSent / data.letters) * 100) / 100 : 0,
                strong,
              })}
            </p>
            <p className="muted">{t("figures.howWeCount")}</p>
            <p className="muted">{t("dashboard.computedAt", { time: computedAt })}</p>
            <p>
              <a href={`/staff/export/aggregates?campaign=${encodeURIComponent(c.slug)}`}>
                {t("dashboard.downloadFigures")}
              </a>
              {staff.role === "admin" && (
                <>
                  {" · "}
                  <a href={`/staff/export/supporters?campaign=${encodeURIComponent(c.slug)}`}>
                    {t("dashboard.downloadSupporters")}
                  </a>
                </>
              )}
            </p>
          </section>
          <section aria-labelledby="over-time">
            <h2 id="over-time">{t("dashboard.overTime")}</h2>
            {[
              { id: "by-day", title: t("dashboard.byDay"), counts: byDay, axisLabel: t("figures.dayAxis") },
              { id: "by-hour", title: t("dashboard.byHour"), counts: byHour, axisLabel: t("figures.hourAxis") },
            ].map((chart) => (
              <BarChart key={chart.id} {...chart} locale={locale} valueLabel={t("figures.signaturesAxis")} />
            ))}
          </section>
          <section aria-labelledby="prepared-and-sent">
            <h2 id="prepared-and-sent">{t("figures.preparedAndSentHeading")}</h2>
            {[
              {
                id: "by-channel",
                title: t("figures.preparedVsSent"),
                heading: t("dashboard.channel"),
                rows: byChannel,
              },
              {
                id: "by-addressee",
                title: t("figures.byAddressee"),
                heading: t("dashboard.addressee"),
                rows: byAddressee,
              },
            ].map((chart) => (
              <PairedBarChart key={chart.id} {...chart} locale={locale} />
            ))}
          </section>
          <section aria-labelledby="breakdowns">
            <h2 id="breakdowns">{t("dashboard.breakdowns")}</h2>
            <CountTable
              testId="by-country"
              caption={t("dashboard.byCountry")}
              heading={t("dashboard.country")}
              counts={byCountry}
              locale={locale}
            />
            {bySource.length === 0 ? (
              <p data-testid="by-source">{t("figures.noSources")}</p>
            ) : (
              <FiguresTable
                testId="by-source"
                caption={t("figures.bySource")}
                heading={t("figures.source")}
                columns={[t("figures.signaturesAxis")]}
                rows={bySource}
                locale={locale}
              />
            )}
          </section>
          <section aria-labelledby="delivery">
            <h2 id="delivery">{t("dashboard.delivery")}</h2>
            <CountTable
              caption={t("dashboard.deliveryByStatus")}
              heading={t("dashboard.status")}
              counts={byStatus(data.delivery)}
              testId="delivery-status"
              locale={locale}
            />
            {data.deliveryProblems.length > 0 && (
              <div className="table-scroll" role="region" aria-labelledby="delivery-problems" tabIndex={0}>
                <table className="figures">
                  <caption id="delivery-problems">{t("dashboard.problems")}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("dashboard.status")}</th>
                      <th scope="col">{t("dashboard.reason")}</th>
                      <th scope="col" className="number">
                        {t("dashboard.messages")}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.deliveryProblems.map((p) => (
                      <tr key={`${p.status}-${p.reason ?? ""}`}>
                        <td>{statusLabel(p.status)}</td>
                        {/* The mail server's own words, as it gave them. */}
                        <td>{p.reason ?? t("dashboard.noReason")}</td>
                        <td className="number">{new Intl.NumberFormat(locale).format(p.count)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            <CountTable
              caption={t("dashboard.supporterEmails")}
              heading={t("dashboard.status")}
              counts={byStatus(data.supporterEmails)}
              testId="supporter-email-status"
              locale={locale}
            />
          </section>
        </>
      )}
    </div>
  );
}
