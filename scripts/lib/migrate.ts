// Every schema the app needs: ours (Prisma migrations) and the job queue's
// (graphile-worker keeps its own, in the graphile_worker schema).
import { Logger, runMigrations } from "graphile-worker";
import { migrateDeploy } from "./prisma-cli.ts";

export async function applyMigrations(databaseUrl: string, options: { quiet?: boolean } = {}): Promise<void> {
  await migrateDeploy(databaseUrl, options);
  await runMigrations({ connectionString: databaseUrl, logger: quietLogger });
}

const quietLogger = new Logger(() => (level, message) => {
  if (level === "error" || level === "warning") console.warn(`[graphile-worker] ${message}`);
});
