// A partner's ?source= code, as admins define them (CampaignSource.code). The
// campaign page and the widget carry it, unchanged, into their links to the
// letter builder, which records it when someone signs. Anything else is
// dropped without a word: a link must never fail because of its tail.

import { partnerSourcePattern } from "@/lib/core/vocabulary";

/** The code in a query value, or undefined when missing, repeated or malformed. */
export function partnerSource(value: unknown): string | undefined {
  return typeof value === "string" && partnerSourcePattern.test(value) ? value : undefined;
}

/** `href` with `source=` appended when there is a code to carry. */
export function withPartnerSource(href: string, source: string | undefined): string {
  if (!source) return href;
  return `${href}${href.includes("?") ? "&" : "?"}source=${source}`;
}
