import "server-only";
import { acknowledgePause, pausedAddresses, resumeAddress } from "./data";

/** An address sending stopped to, as staff are told about it. */
export type MailPause = {
  address: string;
  /** Addressees whose emails list the address (names as entered); empty if none does any more. */
  addressees: string[];
  /** Why, as a code the dashboard words in the reader's language. */
  reason: "complaint" | "hard_bounces";
  hardBounces: number;
  complaints: number;
  /** The last report's status and the receiving server's words (addresses taken out). */
  lastDetail: string | null;
  pausedAt: Date;
  /** Staff have said "understood"; the address stays paused until an admin resumes it. */
  acknowledged: boolean;
};

/** Paused addresses, newest first; callers check the role (lib/staff/get-dashboard.ts). */
export async function currentMailPauses(): Promise<MailPause[]> {
  return (await pausedAddresses()).map((row) => ({
    address: row.address,
    addressees: row.addressees,
    reason: row.complaints > 0 ? "complaint" : "hard_bounces",
    hardBounces: row.hardBounces,
    complaints: row.complaints,
    lastDetail: row.lastDetail,
    pausedAt: row.pausedAt,
    acknowledged: row.acknowledgedAt !== null,
  }));
}

/** "Understood": the notice stops asking for attention; callers check the role (lib/admin/mail-pauses.ts). */
export async function markPauseUnderstood(address: string, now = new Date()): Promise<boolean> {
  return acknowledgePause(address, now);
}

/** "Resume sending": the address is healthy again as far as we know; callers check the role. */
export async function resumeSendingTo(address: string, now = new Date()): Promise<boolean> {
  return resumeAddress(address, now);
}
