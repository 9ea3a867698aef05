import { aggregatesCsv } from "@/lib/staff/export-csv";
import { campaignCsvRoute } from "../campaign-export";

export const dynamic = "force-dynamic";

export const GET = campaignCsvRoute("staff", aggregatesCsv, (slug) => `${slug}-figures.csv`);
