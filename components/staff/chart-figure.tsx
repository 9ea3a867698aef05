// The frame every dashboard chart shares: a captioned figure, the SVG drawn by
// the chart (named and described for screen readers, in a box that scrolls
// sideways on a phone) and, beside it, the same figures as a table.
import type { ReactNode } from "react";
import { FiguresTable } from "./figures-table";

export function ChartFigure({
  id,
  title,
  empty,
  width,
  height,
  description,
  table,
  locale,
  children,
}: {
  id: string;
  title: string;
  /** Shown instead of the chart when there is nothing to draw. */
  empty: string | null;
  width: number;
  height: number;
  /** What the chart shows, in words (the SVG's desc). */
  description: string;
  table: {
    caption: string;
    heading: string;
    columns: string[];
    rows: { key: string; label: string; values: number[] }[];
  };
  locale: string;
  /** The SVG's drawing (hidden from screen readers: the desc and the table say it). */
  children: ReactNode;
}) {
  return (
    <figure className="chart" aria-labelledby={`${id}-title`} data-testid={id}>
      <figcaption id={`${id}-title`}>{title}</figcaption>
      {empty !== null ? (
        <p>{empty}</p>
      ) : (
        <div className="chart-layout">
          {/* Focusable, so keyboard users can scroll it sideways on a narrow screen. */}
          <div className="chart-scroll" role="region" aria-labelledby={`${id}-title`} tabIndex={0}>
            <svg
              viewBox={`0 0 ${width} ${height}`}
              width={width}
              height={height}
              role="img"
              aria-labelledby={`${id}-svg-title`}
              aria-describedby={`${id}-svg-desc`}
              className="chart-svg"
            >
              <title id={`${id}-svg-title`}>{title}</title>
              <desc id={`${id}-svg-desc`}>{description}</desc>
              <g aria-hidden="true">{children}</g>
            </svg>
          </div>
          <FiguresTable {...table} locale={locale} testId={`${id}-table`} />
        </div>
      )}
    </figure>
  );
}
