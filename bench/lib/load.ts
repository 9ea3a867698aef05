// HTTP load with autocannon on loopback: requests per second, latency
// percentiles and every status, so a run with errors cannot pass as fast.
import autocannon from "autocannon";

export type LoadResult = {
  rps: number;
  p50: number;
  p99: number;
  total: number;
  errors: number;
  timeouts: number;
  statuses: Record<string, number>;
};

export type LoadOptions = {
  url: string;
  connections?: number;
  seconds?: number;
  /** A fixed number of requests instead of a duration: every one completes, so rows can be counted against answers. */
  amount?: number;
  method?: "GET" | "POST";
  headers?: Record<string, string>;
  /** A fresh body (and headers) per request, e.g. a new email each time. */
  request?: () => { body?: string; headers?: Record<string, string>; path?: string };
};

export async function load(o: LoadOptions): Promise<LoadResult> {
  const statuses: Record<string, number> = {};
  let finish: (result: autocannon.Result) => void = () => {};
  let fail: (error: Error) => void = () => {};
  const done = new Promise<autocannon.Result>((resolve, reject) => ((finish = resolve), (fail = reject)));
  const instance = autocannon(
    {
      url: o.url,
      connections: o.connections ?? 32,
      ...(o.amount ? { amount: o.amount } : { duration: o.seconds ?? 10 }),
      method: o.method ?? "GET",
      headers: o.headers,
      timeout: 10,
      requests: o.request
        ? [
            {
              setupRequest: (request) => {
                const next = o.request!();
                return {
                  ...request,
                  ...(next.path ? { path: next.path } : {}),
                  ...(next.body !== undefined ? { body: next.body } : {}),
                  headers: { ...request.headers, ...next.headers },
                };
              },
            },
          ]
        : undefined,
    },
    (error, result) => (error ? fail(error) : finish(result)),
  );
  instance.on("response", (_client, statusCode) => {
    statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
  });
  const result = await done;
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    total: result.requests.total,
    errors: result.errors,
    timeouts: result.timeouts,
    statuses,
  };
}

export function describeLoad(label: string, r: LoadResult): string {
  const codes = Object.entries(r.statuses)
    .map(([code, n]) => `${code}×${n}`)
    .join(" ");
  return `${label}: ${r.rps.toFixed(0)} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms, ${r.total} requests [${codes}], ${r.errors} errors, ${r.timeouts} timeouts`;
}
