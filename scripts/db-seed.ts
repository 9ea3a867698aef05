// npm run db:seed: writes the launch campaign (create or overwrite; running
// it twice leaves the same state). Overwrites admins' edits of that campaign.
import "./lib/load-dotenv.ts";
import { launchCampaign } from "../lib/campaigns/launch-campaign.ts";
import { seedCampaign } from "../lib/campaigns/seed-campaign.ts";
import { disconnectDb } from "../lib/core/db.ts";
import { openDatabaseOrExit } from "./lib/database.ts";
import { localAppSecret } from "./lib/local-secret.ts";

const database = await openDatabaseOrExit();
process.env.DATABASE_URL = database.databaseUrl;
process.env.APP_SECRET ||= localAppSecret();
console.log(`Seeding "${launchCampaign.slug}" into ${database.describe}`);
try {
  await seedCampaign(launchCampaign);
  console.log("Done.");
} finally {
  await disconnectDb();
  await database.embedded?.stop();
}
