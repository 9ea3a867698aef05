import { translator } from "@/lib/i18n/messages";
import { ChartFigure } from "./chart-figure";
import { countScale, shortLabel } from "./chart-scale";

/** Letters prepared and, of those, confirmed sent, under one label. */
export type PreparedAndSent = { key: string; label: string; count: number; sent: number };

const width = 640;
const margin = { top: 40, right: 72, bottom: 44, left: 12 };
const plotWidth = width - margin.left - margin.right;
const labelHeight = 20;
const barHeight = 14;
const rowGap = 14;
const rowHeight = labelHeight + 2 * barHeight + 4 + rowGap;

/**
 * Prepared against confirmed sent, one pair of horizontal bars per row
 * (channel or addressee), drawn as SVG on the server: a legend, each bar's
 * value at its end, a value axis with round ticks, a title and a text
 * alternative; the table beside it has the same figures.
 */
export function PairedBarChart({
  id,
  title,
  rows,
  heading,
  locale,
}: {
  id: string;
  title: string;
  rows: PreparedAndSent[];
  /** What a row is ("Channel", "Addressee"). */
  heading: string;
  locale: string;
}) {
  const t = translator(locale, "staff");
  const number = new Intl.NumberFormat(locale);
  const prepared = t("figures.prepared");
  const sent = t("figures.sent");
  const { top, ticks } = countScale(Math.max(0, ...rows.map((r) => r.count)));
  const x = (value: number) => margin.left + (value / top) * plotWidth;
  const height = margin.top + rows.length * rowHeight + margin.bottom;
  const axisY = margin.top + rows.length * rowHeight;

  return (
    <ChartFigure
      id={id}
      title={title}
      empty={rows.length === 0 ? t("chart.none") : null}
      width={width}
      height={height}
      description={rows
        .map((r) => t("figures.pairedItem", { label: r.label, prepared: r.count, sent: r.sent }))
        .join("; ")}
      table={{
        caption: t("figures.tableOf", { title }),
        heading,
        columns: [prepared, sent],
        rows: rows.map((r) => ({ key: r.key, label: r.label, values: [r.count, r.sent] })),
      }}
      locale={locale}
    >
      <rect x={margin.left} y={8} width={14} height={14} className="chart-bar" />
      <text x={margin.left + 20} y={15} dy="0.35em" className="chart-tick">
        {prepared}
      </text>
      <rect x={margin.left + 200} y={8} width={14} height={14} className="chart-bar-sent" />
      <text x={margin.left + 220} y={15} dy="0.35em" className="chart-tick">
        {sent}
      </text>
      {ticks.map((tick) => (
        <g key={tick}>
          <line x1={x(tick)} x2={x(tick)} y1={margin.top} y2={axisY} className="chart-grid" />
          <text x={x(tick)} y={axisY + 18} textAnchor="middle" className="chart-tick">
            {number.format(tick)}
          </text>
        </g>
      ))}
      <line x1={margin.left} x2={margin.left + plotWidth} y1={axisY} y2={axisY} className="chart-axis" />
      {rows.map((r, i) => {
        const rowTop = margin.top + i * rowHeight;
        const bars = [
          { value: r.count, className: "chart-bar", name: prepared },
          { value: r.sent, className: "chart-bar-sent", name: sent },
        ];
        return (
          <g key={r.key}>
            <text x={margin.left} y={rowTop + 14} className="chart-row-label">
              {shortLabel(r.label, 70)}
            </text>
            {bars.map((bar, j) => {
              const barY = rowTop + labelHeight + j * (barHeight + 4);
              return (
                <g key={bar.className}>
                  <rect
                    x={margin.left}
                    y={barY}
                    width={Math.max(0, x(bar.value) - margin.left)}
                    height={barHeight}
                    className={bar.className}
                  >
                    <title>{`${r.label}, ${bar.name}: ${number.format(bar.value)}`}</title>
                  </rect>
                  <text x={x(bar.value) + 6} y={barY + barHeight / 2} dy="0.35em" className="chart-value">
                    {number.format(bar.value)}
                  </text>
                </g>
              );
            })}
          </g>
        );
      })}
      <text x={margin.left + plotWidth / 2} y={height - 8} textAnchor="middle" className="chart-axis-title">
        {t("figures.lettersAxis")}
      </text>
    </ChartFigure>
  );
}
