// npm run db:migrate: applies the checked-in migrations to DATABASE_URL, or
// to the embedded database when DATABASE_URL is not set.
import "./lib/load-dotenv.ts";
import { applyMigrations } from "./lib/migrate.ts";
import { openDatabaseOrExit } from "./lib/database.ts";

const database = await openDatabaseOrExit();
console.log(`Applying migrations to ${database.describe}`);
try {
  await applyMigrations(database.databaseUrl);
} finally {
  await database.embedded?.stop();
}
