import { translator } from "@/lib/i18n/messages";
import { countScale, labelEvery } from "./chart-scale";
import { ChartFigure } from "./chart-figure";

export type { LabelledCount } from "./figures-table";
import type { LabelledCount } from "./figures-table";

// The drawing's own units; CSS scales the SVG to its box (text scales with it).
const width = 640;
const height = 280;
const margin = { top: 24, right: 16, bottom: 64, left: 64 };
const plotWidth = width - margin.left - margin.right;
const plotHeight = height - margin.top - margin.bottom;

/**
 * A bar chart of counts over time, drawn as SVG on the server (no script, no
 * inline styles, so it passes a strict CSP): axes with round tick values,
 * axis titles, each bar's value where it fits, a title and a text
 * alternative, and the same figures in a table beside it.
 */
export function BarChart({
  title,
  counts,
  id,
  locale,
  axisLabel,
  valueLabel,
}: {
  title: string;
  counts: LabelledCount[];
  id: string;
  locale: string;
  /** What the bars stand for along the bottom ("Day (UTC)"). */
  axisLabel: string;
  /** What the values count ("Signatures"). */
  valueLabel: string;
}) {
  const t = translator(locale, "staff");
  const number = new Intl.NumberFormat(locale);
  const { top, ticks } = countScale(Math.max(0, ...counts.map((c) => c.count)));
  const y = (value: number) => margin.top + plotHeight - (value / top) * plotHeight;
  const band = plotWidth / Math.max(1, counts.length);
  const barWidth = Math.min(48, band * 0.7);
  const showValues = barWidth >= 18;
  const every = labelEvery(counts.length, plotWidth, 96);
  const highest = counts.reduce<LabelledCount | null>((best, c) => (!best || c.count > best.count ? c : best), null);
  const total = counts.reduce((sum, c) => sum + c.count, 0);

  return (
    <ChartFigure
      id={id}
      title={title}
      empty={counts.length === 0 || !highest ? t("chart.noSignatures") : null}
      width={width}
      height={height}
      description={
        highest
          ? t("figures.chartSummary", {
              bars: counts.length,
              first: counts[0]!.label,
              last: counts.at(-1)!.label,
              max: highest.count,
              at: highest.label,
              total,
            })
          : ""
      }
      table={{
        caption: t("figures.tableOf", { title }),
        heading: axisLabel,
        columns: [valueLabel],
        rows: counts.map((c) => ({ key: c.key, label: c.label, values: [c.count] })),
      }}
      locale={locale}
    >
      {ticks.map((tick) => (
        <g key={tick}>
          <line
            x1={margin.left}
            x2={width - margin.right}
            y1={y(tick)}
            y2={y(tick)}
            className={tick === 0 ? "chart-axis" : "chart-grid"}
          />
          <text x={margin.left - 8} y={y(tick)} dy="0.35em" textAnchor="end" className="chart-tick">
            {number.format(tick)}
          </text>
        </g>
      ))}
      <line x1={margin.left} x2={margin.left} y1={margin.top} y2={margin.top + plotHeight} className="chart-axis" />
      {counts.map((c, i) => {
        const x = margin.left + i * band + (band - barWidth) / 2;
        const centre = margin.left + (i + 0.5) * band;
        return (
          <g key={c.key}>
            <rect
              x={x}
              y={y(c.count)}
              width={barWidth}
              height={Math.max(0, margin.top + plotHeight - y(c.count))}
              className="chart-bar"
            >
              <title>{`${c.label}: ${number.format(c.count)}`}</title>
            </rect>
            {showValues && (
              <text x={centre} y={y(c.count) - 6} textAnchor="middle" className="chart-value">
                {number.format(c.count)}
              </text>
            )}
            {i % every === 0 && (
              <>
                <line
                  x1={centre}
                  x2={centre}
                  y1={margin.top + plotHeight}
                  y2={margin.top + plotHeight + 5}
                  className="chart-axis"
                />
                <text x={centre} y={margin.top + plotHeight + 20} textAnchor="middle" className="chart-tick">
                  {c.label}
                </text>
              </>
            )}
          </g>
        );
      })}
      <text x={margin.left + plotWidth / 2} y={height - 12} textAnchor="middle" className="chart-axis-title">
        {axisLabel}
      </text>
      <text
        transform={`translate(16 ${margin.top + plotHeight / 2}) rotate(-90)`}
        textAnchor="middle"
        className="chart-axis-title"
      >
        {valueLabel}
      </text>
    </ChartFigure>
  );
}
