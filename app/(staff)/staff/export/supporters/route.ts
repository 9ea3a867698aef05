import { consentedSupportersCsv } from "@/lib/staff/export-csv";
import { campaignCsvRoute } from "../campaign-export";

export const dynamic = "force-dynamic";

// Admins only: the most sensitive file the app can produce (every export is in the audit log).
export const GET = campaignCsvRoute("admin", consentedSupportersCsv, (slug) => `${slug}-supporters-who-consented.csv`);
