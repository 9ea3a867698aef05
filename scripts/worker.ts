// npm run worker: the delivery worker on its own. Run one beside each app
// instance or several on other machines; they share the queue in PostgreSQL.
import "./lib/load-dotenv.ts";
import { startWorker } from "../lib/worker/worker.ts";
import { startTallyTimer } from "../lib/tallies/tally-timer.ts";
import { localAppSecret } from "./lib/local-secret.ts";
import { startBounceListener, type BounceListener } from "../lib/bounces/bounce-listener.ts";
import { env } from "../lib/core/env.ts";

if (!process.env.DATABASE_URL) {
  console.error("DATABASE_URL is not set. `npm start` runs a worker beside the app on the embedded database.");
  process.exit(2);
}
process.env.APP_SECRET ||= localAppSecret();
const runner = await startWorker();
// With TALLY_IN_WEB_PROCESS=false the workers roll up the totals instead.
startTallyTimer("worker");
console.log("Delivery worker running.");
const bounces = await listenForBounces();
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    void Promise.all([runner.stop(), bounces?.close()]).then(() => process.exit(0));
  });
}

/**
 * The inbound SMTP listener for bounces and complaints, beside the worker
 * (BOUNCE_LISTEN_PORT 0: off). With several workers on one machine the first
 * takes the port and the others go on without it.
 */
async function listenForBounces(): Promise<BounceListener | null> {
  const { BOUNCE_LISTEN_HOST: host, BOUNCE_LISTEN_PORT: port } = env();
  if (port === 0) return null;
  try {
    const listener = await startBounceListener({ host, port });
    console.log(`Bounce listener on ${host}:${listener.port} (bounces+<token>@ addresses only).`);
    return listener;
  } catch (error) {
    const code = (error as { code?: string }).code;
    console.warn(
      code === "EADDRINUSE"
        ? `Bounce listener: ${host}:${port} is taken (another worker has it?); this worker runs without one.`
        : `Bounce listener not started: ${error instanceof Error ? error.message : String(error)}`,
    );
    return null;
  }
}
await runner.promise;
