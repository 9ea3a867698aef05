// The two Next.js servers the HTTP benchmarks compare: the app's production
// build (in .next-bench, so a running `npm start` or e2e build is left alone)
// served as it ships, by scripts/serve.ts (Next.js behind the per-process page
// cache), and the empty baseline app in bench/baseline-app, built in the same
// run and served by `next start`. BENCH_APP_SERVER=next-start serves the app
// by `next start` too, to see what the cache changes.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";

export const appDistDir = ".next-bench";

function run(command: string, args: string[], env: Record<string, string> = {}): string {
  const result = spawnSync(command, args, {
    env: { ...process.env, ...env },
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed:\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

/** Builds the app into .next-bench unless that build is of this very commit with a clean tree. */
export function ensureAppBuild(): void {
  const head = run("git", ["rev-parse", "HEAD"]).trim();
  const dirty = run("git", ["status", "--porcelain", "--untracked-files=no"]).trim() !== "";
  const marker = `${appDistDir}/bench-commit`;
  if (!dirty && existsSync(`${appDistDir}/BUILD_ID`) && existsSync(marker) && readFileSync(marker, "utf8") === head) {
    console.log(`App build: ${appDistDir} is of ${head.slice(0, 7)}.`);
    return;
  }
  console.log(`App build: building into ${appDistDir} (about a minute)...`);
  run(process.execPath, ["node_modules/next/dist/bin/next", "build"], {
    NEXT_DIST_DIR: appDistDir,
    NEXT_TELEMETRY_DISABLED: "1",
    NODE_OPTIONS: "",
  });
  if (!dirty) writeFileSync(marker, head);
}

/** Builds the empty baseline app; returns `next build`'s output (its first-load JS table). */
export function buildBaselineApp(): string {
  console.log("Baseline build: bench/baseline-app...");
  return run(process.execPath, ["node_modules/next/dist/bin/next", "build", "bench/baseline-app"], {
    NEXT_TELEMETRY_DISABLED: "1",
    NODE_OPTIONS: "",
  });
}

export type NextServer = { url: string; stop: () => Promise<void>; output: () => string };

export async function startNext(options: {
  dir?: string;
  distDir?: string;
  port: number;
  env: Record<string, string>;
}): Promise<NextServer> {
  const where = ["--port", String(options.port), "--hostname", "127.0.0.1"];
  const args =
    options.dir || process.env.BENCH_APP_SERVER === "next-start"
      ? ["node_modules/next/dist/bin/next", "start", ...(options.dir ? [options.dir] : []), ...where]
      : ["--import", "tsx", "scripts/serve.ts", ...where];
  const child: ChildProcess = spawn(process.execPath, args, {
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      NODE_OPTIONS: "",
      ...(options.distDir ? { NEXT_DIST_DIR: options.distDir } : {}),
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk));
  const url = `http://127.0.0.1:${options.port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${args.join(" ")} exited:\n${output}`);
    try {
      await fetch(url, { signal: AbortSignal.timeout(2000) });
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`${args.join(" ")} did not answer at ${url}:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  return {
    url,
    output: () => output,
    stop: async () => {
      if (child.exitCode !== null) return;
      child.kill("SIGTERM");
      await new Promise((resolve) => child.once("exit", resolve));
    },
  };
}
