// The launch campaign's content lives in content/launch-campaign.json (data,
// edited without touching code); this is that file, checked.
import content from "@/content/launch-campaign.json" with { type: "json" };
import { parseCampaignSeed } from "./seed-schema";

export const launchCampaign = parseCampaignSeed(content);
