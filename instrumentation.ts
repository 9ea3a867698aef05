// Runs once when the server starts. Starts the totals roll-up in the Node.js
// runtime (never in the edge runtime, which has no database driver).
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { startTallyTimer } = await import("@/lib/signatures/tally-timer");
    startTallyTimer();
  }
}
