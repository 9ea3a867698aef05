// npm run bench: every benchmark in turn, each printing its figure beside a
// baseline measured in the same run. Method and latest figures: docs/PERFORMANCE.md.
import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";

// Every script directly in bench/ is a benchmark (helpers live in bench/lib).
const benchmarks = readdirSync("bench")
  .filter((name) => name.endsWith(".ts") && name !== "run.ts")
  .sort()
  .map((name) => `bench/${name}`);
const only = process.argv[2];
let failed = 0;
for (const file of benchmarks.filter((f) => !only || f.includes(only))) {
  console.log(`\n=== ${file}`);
  const run = spawnSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "--conditions=react-server", file], {
    stdio: "inherit",
  });
  if (run.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
