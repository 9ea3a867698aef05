// Open-loop HTTP load: requests leave on a fixed, seeded arrival schedule
// whether or not earlier ones have answered, as real visitors arrive, and
// each latency is measured from the request's scheduled time, so a server
// that stalls is charged for every visitor kept waiting (no coordinated
// omission, which closed-loop tools such as autocannon suffer from). Also:
// the resident memory of the process listening on a port, sampled while a
// load runs.
import { readdirSync, readFileSync, readlinkSync } from "node:fs";
import http from "node:http";
import { percentile } from "./stats.ts";

export type Arrival<Kind extends string> = { at: number; kind: Kind };

/** A small seeded generator (mulberry32): the same schedule every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * Poisson arrivals at `ratePerSecond` for `seconds` (exponential gaps, so
 * bursts happen as they do with real visitors), each of a kind drawn by the
 * weights in `mix`; `at` is milliseconds from the start.
 */
export function poissonSchedule<Kind extends string>(o: {
  ratePerSecond: number;
  seconds: number;
  mix: Record<Kind, number>;
  seed: number;
}): Arrival<Kind>[] {
  const random = seededRandom(o.seed);
  const kinds = Object.entries(o.mix) as [Kind, number][];
  const weight = kinds.reduce((sum, [, w]) => sum + w, 0);
  const arrivals: Arrival<Kind>[] = [];
  for (let at = 0; ;) {
    at += (-Math.log(1 - random()) / o.ratePerSecond) * 1000;
    if (at >= o.seconds * 1000) return arrivals;
    let pick = random() * weight;
    const kind = kinds.find(([, w]) => (pick -= w) < 0)?.[0] ?? kinds[kinds.length - 1]![0];
    arrivals.push({ at, kind });
  }
}

export type OpenLoopRequest = {
  path: string;
  method?: "GET" | "POST";
  headers?: Record<string, string>;
  body?: string;
  /** Statuses that count as success (default 200). */
  expect?: number[];
  /** Keep the answer's body for `onAnswer` (others are read and dropped). */
  keepBody?: boolean;
};

export type KindResult = {
  count: number;
  errors: number;
  statuses: Record<string, number>;
  /** Milliseconds from the scheduled send to the last byte of the answer, successes and failures alike. */
  p50: number;
  p99: number;
  max: number;
  /** A few error descriptions, to say what went wrong. */
  errorSamples: string[];
};

export type OpenLoopResult<Kind extends string> = {
  byKind: Record<Kind, KindResult>;
  /** How late the generator itself sent requests (ms behind schedule): p99 and max; large means the client, not the server, was behind. */
  sendLag: { p99: number; max: number };
  /** Requests sent again once because their kept-alive connection was closed as they were sent (as browsers do). */
  resent: number;
  offeredPerSecond: number;
  seconds: number;
};

/**
 * Sends `schedule` to `origin` over keep-alive connections (as many as the
 * arrivals need: a slow server gets more sockets, never fewer requests).
 * A request that fails, answers an unexpected status or takes longer than
 * `timeoutMs` counts as an error. Resolves once every request has ended.
 */
export async function runOpenLoop<Kind extends string>(o: {
  origin: string;
  schedule: Arrival<Kind>[];
  request: (arrival: Arrival<Kind>, index: number) => OpenLoopRequest;
  onAnswer?: (kind: Kind, status: number, body: string) => void;
  timeoutMs?: number;
}): Promise<OpenLoopResult<Kind>> {
  const url = new URL(o.origin);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 4096, maxFreeSockets: 1024 });
  const timeoutMs = o.timeoutMs ?? 10_000;
  const latencies = new Map<Kind, number[]>();
  const results = new Map<Kind, KindResult>();
  const lags: number[] = [];
  const kindOf = (kind: Kind) => {
    if (!results.has(kind)) {
      latencies.set(kind, []);
      results.set(kind, { count: 0, errors: 0, statuses: {}, p50: NaN, p99: NaN, max: NaN, errorSamples: [] });
    }
    return results.get(kind)!;
  };
  let pending = 0;
  let resent = 0;
  let allSent = false;
  let finished: () => void = () => {};
  const done = new Promise<void>((resolve) => (finished = resolve));

  const send = (arrival: Arrival<Kind>, index: number, scheduled: number) => {
    const spec = o.request(arrival, index);
    const result = kindOf(arrival.kind);
    result.count++;
    pending++;
    lags.push(performance.now() - scheduled);
    let ended = false;
    const end = (status: number | null, body: string, error?: string) => {
      if (ended) return;
      ended = true;
      clearTimeout(timer);
      latencies.get(arrival.kind)!.push(performance.now() - scheduled);
      const key = status === null ? "error" : String(status);
      result.statuses[key] = (result.statuses[key] ?? 0) + 1;
      const ok = status !== null && (spec.expect ?? [200]).includes(status) && !error;
      if (!ok) {
        result.errors++;
        if (result.errorSamples.length < 5) result.errorSamples.push(error ?? `${status}: ${body.slice(0, 200)}`);
      } else if (o.onAnswer) o.onAnswer(arrival.kind, status, body);
      if (--pending === 0 && allSent) finished();
    };
    let timer: NodeJS.Timeout | undefined;
    // A kept-alive connection the server closed as idle just as it was taken fails at once: a
    // browser sends the request again on a new one, and so does this client, once (Node's
    // documented pattern: request.reusedSocket). Its latency still runs from the scheduled time.
    const attempt = (again: boolean) => {
      const request = http.request(
        {
          agent,
          hostname: url.hostname,
          port: url.port,
          path: spec.path,
          method: spec.method ?? "GET",
          headers: {
            ...spec.headers,
            ...(spec.body !== undefined ? { "content-length": Buffer.byteLength(spec.body) } : {}),
          },
        },
        (response) => {
          const status = response.statusCode ?? 0;
          const keep = spec.keepBody || !(spec.expect ?? [200]).includes(status);
          const chunks: Buffer[] = [];
          response.on("data", (chunk: Buffer) => {
            if (keep) chunks.push(chunk);
          });
          response.on("end", () => end(status, keep ? Buffer.concat(chunks).toString("utf8") : ""));
          response.on("error", (error) => end(null, "", error.message));
        },
      );
      timer ??= setTimeout(() => {
        end(null, "", `no answer within ${timeoutMs} ms`);
        request.destroy();
      }, timeoutMs);
      request.on("error", (error: NodeJS.ErrnoException) => {
        if (!again && request.reusedSocket && error.code === "ECONNRESET") {
          resent++;
          attempt(true);
        } else end(null, "", error.message);
      });
      request.end(spec.body);
    };
    attempt(false);
  };

  const start = performance.now() + 20;
  let next = 0;
  await new Promise<void>((resolve) => {
    const tick = () => {
      const now = performance.now();
      while (next < o.schedule.length && start + o.schedule[next]!.at <= now) {
        send(o.schedule[next]!, next, start + o.schedule[next]!.at);
        next++;
      }
      if (next >= o.schedule.length) return resolve();
      // Wake at the next arrival (timers fire no sooner than 1 ms; a late wake shows in sendLag).
      setTimeout(tick, Math.max(0, start + o.schedule[next]!.at - performance.now()));
    };
    setTimeout(tick, 20);
  });
  allSent = true;
  if (pending === 0) finished();
  await done;
  agent.destroy();

  const byKind = {} as Record<Kind, KindResult>;
  for (const [kind, result] of results) {
    const sorted = latencies.get(kind)!.sort((a, b) => a - b);
    byKind[kind] = { ...result, p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted.at(-1) ?? NaN };
  }
  const sortedLags = lags.sort((a, b) => a - b);
  const seconds = (o.schedule.at(-1)?.at ?? 0) / 1000;
  return {
    byKind,
    sendLag: { p99: percentile(sortedLags, 99), max: sortedLags.at(-1) ?? NaN },
    resent,
    offeredPerSecond: seconds ? o.schedule.length / seconds : 0,
    seconds,
  };
}

/** The process (of this user) with a socket listening on 127.0.0.1:`port` or any address: the real server, whatever launched it. */
export function pidListeningOn(port: number): number | null {
  const hexPort = port.toString(16).toUpperCase().padStart(4, "0");
  const inodes = new Set<string>();
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    let text = "";
    try {
      text = readFileSync(table, "utf8");
    } catch {
      continue;
    }
    for (const line of text.split("\n").slice(1)) {
      const fields = line.trim().split(/\s+/);
      // local_address is HEX_IP:HEX_PORT; state 0A is LISTEN; field 9 the socket's inode.
      if (fields[1]?.endsWith(`:${hexPort}`) && fields[3] === "0A") inodes.add(fields[9]!);
    }
  }
  for (const pid of readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        const target = readlinkSync(`/proc/${pid}/fd/${fd}`);
        const inode = /^socket:\[(\d+)\]$/.exec(target)?.[1];
        if (inode && inodes.has(inode)) return Number(pid);
      } catch {
        // The descriptor closed while we looked.
      }
    }
  }
  return null;
}

/** Resident memory of `pid` in MB (VmRSS), or NaN once it has gone. */
export function rssMegabytes(pid: number): number {
  try {
    const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
    return kb ? Number(kb) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

/** Samples `pid`'s resident memory every `everyMs`; `max()` since the last `reset()`. */
export function sampleRss(pid: number, everyMs = 1000): { max: () => number; reset: () => void; stop: () => void } {
  let max = rssMegabytes(pid);
  const timer = setInterval(() => {
    const now = rssMegabytes(pid);
    if (now > max || Number.isNaN(max)) max = now;
  }, everyMs);
  timer.unref();
  return {
    max: () => max,
    reset: () => {
      max = rssMegabytes(pid);
    },
    stop: () => clearInterval(timer),
  };
}
