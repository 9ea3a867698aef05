import { translator } from "@/lib/i18n/messages";

/** A figure under its key, with the label it is shown by. */
export type LabelledCount = { key: string; label: string; count: number };

/**
 * A bar chart drawn in SVG on the server (no script, no inline styles, so it
 * passes a strict CSP), with the same figures as a table for screen readers
 * and for anyone who wants the numbers. In the given interface language.
 */
export function BarChart({
  title,
  counts,
  id,
  locale,
}: {
  title: string;
  counts: LabelledCount[];
  id: string;
  locale: string;
}) {
  const t = translator(locale, "staff");
  const number = new Intl.NumberFormat(locale);
  const max = Math.max(1, ...counts.map((c) => c.count));
  const barWidth = 100 / Math.max(1, counts.length);
  return (
    <figure className="chart" aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`}>{title}</figcaption>
      {counts.length === 0 ? (
        <p>{t("chart.noSignatures")}</p>
      ) : (
        <>
          <svg viewBox="0 0 100 40" preserveAspectRatio="none" role="img" aria-label={t("chart.chartLabel", { title })}>
            {counts.map((c, i) => {
              const height = (c.count / max) * 38;
              return (
                <rect
                  key={c.key}
                  x={i * barWidth + barWidth * 0.1}
                  y={40 - height}
                  width={barWidth * 0.8}
                  height={height}
                  className="chart-bar"
                />
              );
            })}
          </svg>
          <details>
            <summary>{t("chart.figures")}</summary>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("chart.when")}</th>
                  <th scope="col">{t("chart.signatures")}</th>
                </tr>
              </thead>
              <tbody>
                {counts.map((c) => (
                  <tr key={c.key}>
                    <th scope="row">{c.label}</th>
                    <td>{number.format(c.count)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </>
      )}
    </figure>
  );
}

/** A two-column table of counts, in the given interface language. */
export function CountTable({
  caption,
  counts,
  heading,
  testId,
  locale,
}: {
  caption: string;
  counts: LabelledCount[];
  heading: string;
  testId: string;
  locale: string;
}) {
  const t = translator(locale, "staff");
  const number = new Intl.NumberFormat(locale);
  return (
    <table data-testid={testId}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{heading}</th>
          <th scope="col">{t("chart.count")}</th>
        </tr>
      </thead>
      <tbody>
        {counts.length === 0 ? (
          <tr>
            <td colSpan={2}>{t("chart.none")}</td>
          </tr>
        ) : (
          counts.map((c) => (
            <tr key={c.key}>
              <th scope="row">{c.label}</th>
              <td>{number.format(c.count)}</td>
            </tr>
          ))
        )}
      </tbody>
    </table>
  );
}
