import type { Count } from "@/lib/staff/get-dashboard";

/**
 * A bar chart drawn in SVG on the server (no script, no inline styles, so it
 * passes a strict CSP), with the same figures as a table for screen readers
 * and for anyone who wants the numbers.
 */
export function BarChart({ title, counts, id }: { title: string; counts: Count[]; id: string }) {
  const max = Math.max(1, ...counts.map((c) => c.count));
  const barWidth = 100 / Math.max(1, counts.length);
  return (
    <figure className="chart" aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`}>{title}</figcaption>
      {counts.length === 0 ? (
        <p>No signatures yet.</p>
      ) : (
        <>
          <svg viewBox="0 0 100 40" preserveAspectRatio="none" role="img" aria-label={`${title}: chart; the table below has the figures`}>
            {counts.map((c, i) => {
              const height = (c.count / max) * 38;
              return <rect key={c.key} x={i * barWidth + barWidth * 0.1} y={40 - height} width={barWidth * 0.8} height={height} className="chart-bar" />;
            })}
          </svg>
          <details>
            <summary>Figures</summary>
            <table>
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Signatures</th>
                </tr>
              </thead>
              <tbody>
                {counts.map((c) => (
                  <tr key={c.key}>
                    <th scope="row">{c.label}</th>
                    <td>{c.count}</td>
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

/** A two-column table of counts. */
export function CountTable({ caption, counts, heading, testId }: { caption: string; counts: Count[]; heading: string; testId: string }) {
  return (
    <table data-testid={testId}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{heading}</th>
          <th scope="col">Count</th>
        </tr>
      </thead>
      <tbody>
        {counts.length === 0 ? (
          <tr>
            <td colSpan={2}>None yet.</td>
          </tr>
        ) : (
          counts.map((c) => (
            <tr key={c.key}>
              <th scope="row">{c.label}</th>
              <td>{c.count}</td>
            </tr>
          ))
        )}
      </tbody>
    </table>
  );
}
