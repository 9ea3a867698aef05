// Runs once when the server starts. Starts the totals roll-up in the Node.js
// runtime (never in the edge runtime, which has no database driver).
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    // Refuse to serve a campaign without what keeps it safe (lib/core/env.ts).
    const { env, productionProblems } = await import("@/lib/core/env");
    const problems = productionProblems(env());
    if (problems.length > 0) {
      for (const problem of problems) console.error(problem);
      process.exit(1);
    }
    const { startTallyTimer } = await import("@/lib/tallies/tally-timer");
    startTallyTimer();
  }
}
