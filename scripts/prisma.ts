// npm run prisma -- <args>: the Prisma CLI with the offline engine settings
// (see scripts/lib/prisma-cli.ts). `npm run db:generate` uses it.
import { runPrisma } from "./lib/prisma-cli.ts";

try {
  await runPrisma(process.argv.slice(2));
} catch {
  process.exit(1);
}
