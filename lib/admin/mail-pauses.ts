import "server-only";
import { assertRole, type StaffIdentity } from "@/lib/auth/staff-identity";
import { markPauseUnderstood, resumeSendingTo } from "@/lib/bounces/mail-pauses";
import { isPlainMailAddress } from "@/lib/core/mail-address";
import { recordAudit } from "./audit";

/** An admin's change to a paused address, audited; false when there is no such pause. */
async function changePause(
  actor: StaffIdentity,
  address: string,
  action: string,
  change: (address: string) => Promise<boolean>,
): Promise<boolean> {
  assertRole(actor, "admin");
  if (typeof address !== "string" || !isPlainMailAddress(address)) return false;
  const done = await change(address);
  if (done)
    await recordAudit(actor, {
      action,
      entity: "MailAddressHealth",
      entityId: address.slice(0, 80),
      after: { address },
    });
  return done;
}

/** An admin has read the notice of a paused address; it stays paused. */
export async function acknowledgeMailPause(actor: StaffIdentity, address: string): Promise<boolean> {
  return changePause(actor, address, "mail_pause.acknowledge", markPauseUnderstood);
}

/** An admin resumes sending to a paused address (its bounce counts start again). */
export async function resumeMailAddress(actor: StaffIdentity, address: string): Promise<boolean> {
  return changePause(actor, address, "mail_pause.resume", resumeSendingTo);
}
