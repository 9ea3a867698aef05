import "server-only";
import type { Prisma } from "@/generated/prisma/client";

export type JobName = "deliver-message" | "send-supporter-email" | "sweep-deliveries" | "send-held-confirmations";

/**
 * Adds a job in the caller's transaction (graphile-worker's add_job), so the
 * job exists exactly when the rows it works on do: a crash between the two
 * cannot lose a letter. A job key replaces an earlier job with the same key.
 */
export async function addJob(
  tx: Prisma.TransactionClient,
  name: JobName,
  payload: Record<string, string>,
  options: { jobKey?: string; runAt?: Date; keepRunAt?: boolean } = {},
): Promise<void> {
  // "preserve_run_at" keeps an existing job's time (the sweeper must not pull
  // a paced message forward); a job locked by a dead worker is never reused:
  // graphile-worker makes a new one with the key.
  await tx.$executeRawUnsafe(
    `SELECT graphile_worker.add_job($1, $2::json, run_at := coalesce($3::timestamptz, now()), job_key := $4, max_attempts := 25, job_key_mode := $5)`,
    name,
    JSON.stringify(payload),
    options.runAt?.toISOString() ?? null,
    options.jobKey ?? null,
    options.keepRunAt ? "preserve_run_at" : "replace",
  );
}
