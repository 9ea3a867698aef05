// Scripts read the same .env file that Next.js reads, so DATABASE_URL set
// there decides embedded or real PostgreSQL for `npm start` too. Variables
// already in the environment win, as with Next.js.
import { existsSync } from "node:fs";

for (const file of [".env.local", ".env"]) {
  if (existsSync(file)) process.loadEnvFile(file);
}
