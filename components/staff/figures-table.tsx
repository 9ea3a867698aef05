import { translator } from "@/lib/i18n/messages";

/** A figure under its key, with the label it is shown by. */
export type LabelledCount = { key: string; label: string; count: number };

/**
 * A table of figures: a heading column and one column per figure, numbers
 * aligned. In a wrapper that scrolls sideways on a narrow screen, so cells
 * never wrap letter by letter.
 */
export function FiguresTable({
  caption,
  heading,
  columns,
  rows,
  testId,
  locale,
}: {
  caption: string;
  heading: string;
  columns: string[];
  rows: { key: string; label: string; values: number[] }[];
  testId: string;
  locale: string;
}) {
  const t = translator(locale, "staff");
  const number = new Intl.NumberFormat(locale);
  return (
    // Focusable, so keyboard users can scroll it when it overflows.
    <div className="table-scroll" role="region" aria-labelledby={`${testId}-caption`} tabIndex={0}>
      <table data-testid={testId} className="figures">
        <caption id={`${testId}-caption`}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{heading}</th>
            {columns.map((column) => (
              <th scope="col" key={column} className="number">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={columns.length + 1}>{t("chart.none")}</td>
            </tr>
          ) : (
            rows.map((row) => (
              <tr key={row.key}>
                <th scope="row">{row.label}</th>
                {row.values.map((value, i) => (
                  <td key={columns[i]} className="number">
                    {number.format(value)}
                  </td>
                ))}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
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
  return (
    <FiguresTable
      caption={caption}
      heading={heading}
      columns={[t("chart.count")]}
      rows={counts.map((c) => ({ key: c.key, label: c.label, values: [c.count] }))}
      testId={testId}
      locale={locale}
    />
  );
}
