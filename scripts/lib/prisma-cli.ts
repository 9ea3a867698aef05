// Runs the Prisma CLI so that it never tries to download a native engine:
// migrations go through the WASM schema engine (prisma.config.ts), and
// `generate` is told the engines it would fetch are "already here". The
// pointed-at file is never executed for our `engineType = "client"` generator.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const projectRoot = fileURLToPath(new URL("../..", import.meta.url));
const prismaBin = fileURLToPath(new URL("../../node_modules/prisma/build/index.js", import.meta.url));
const placeholderEngine = fileURLToPath(new URL("../../package.json", import.meta.url));

export function prismaEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    PRISMA_QUERY_ENGINE_LIBRARY: placeholderEngine,
    PRISMA_SCHEMA_ENGINE_BINARY: placeholderEngine,
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
    CHECKPOINT_DISABLE: "1",
    ...extra,
  };
}

/** Runs `prisma <args>`; resolves with its stdout, rejects with its output on failure. */
export function runPrisma(
  args: string[],
  env: Record<string, string> = {},
  options: { quiet?: boolean } = {},
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [prismaBin, ...args], { cwd: projectRoot, env: prismaEnv(env) });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk;
      if (!options.quiet) process.stdout.write(chunk);
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk;
      if (!options.quiet) process.stderr.write(chunk);
    });
    child.on("error", reject);
    child.on("close", (code) => {
      if (code === 0) resolve(stdout);
      else reject(new Error(`prisma ${args.join(" ")} failed (exit ${code}):\n${stderr || stdout}`));
    });
  });
}

export async function migrateDeploy(databaseUrl: string, options: { quiet?: boolean } = {}): Promise<void> {
  await runPrisma(["migrate", "deploy"], { DATABASE_URL: databaseUrl }, options);
}
