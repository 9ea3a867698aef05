// npm run worker: the delivery worker on its own. Run one beside each app
// instance or several on other machines; they share the queue in PostgreSQL.
import "./lib/load-dotenv.ts";
import { startWorker } from "../lib/worker/worker.ts";
import { startTallyTimer } from "../lib/tallies/tally-timer.ts";
import { localAppSecret } from "./lib/local-secret.ts";

if (!process.env.DATABASE_URL) {
  console.error("DATABASE_URL is not set. `npm start` runs a worker beside the app on the embedded database.");
  process.exit(2);
}
process.env.APP_SECRET ||= localAppSecret();
const runner = await startWorker();
// With TALLY_IN_WEB_PROCESS=false the workers roll up the totals instead.
startTallyTimer("worker");
console.log("Delivery worker running.");
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    void runner.stop().then(() => process.exit(0));
  });
}
await runner.promise;
