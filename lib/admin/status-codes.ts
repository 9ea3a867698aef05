// What an admin action tells the page it redirects to. Only these codes travel
// in the address (`?done=`, `?problem=`); the page maps each to a translated
// sentence, so a crafted link cannot put words of its own on an admin page.
import { deliveryStatuses, type DeliveryStatus } from "@/lib/core/vocabulary";

export const deliveryDoneCodes = ["queuedAgain", "cancelled", "sendingPaused", "sendingResumed"] as const;
export type DeliveryDone = (typeof deliveryDoneCodes)[number];

export const deliveryProblemCodes = [
  "gone",
  "badId",
  "chooseCampaign",
  "notAllowedStatus",
  "letterTextDeleted",
] as const;
export type DeliveryProblem = (typeof deliveryProblemCodes)[number];

/** `value` when it is one of `codes`, else undefined (then the page says nothing). */
export function knownCode<T extends string>(codes: readonly T[], value: unknown): T | undefined {
  return codes.find((code) => code === value);
}

/** A delivery status named in the address, when it is one. */
export function knownStatus(value: unknown): DeliveryStatus | undefined {
  return deliveryStatuses.find((status) => status === value);
}

export const sourceDoneCodes = ["deleted"] as const;
export const sourceProblemCodes = ["inUse", "gone"] as const;
