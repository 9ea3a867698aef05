import "server-only";
import { assertRole, type StaffIdentity } from "@/lib/auth/staff-identity";
import { markPauseUnderstood, resumeSendingTo } from "@/lib/bounces/mail-pauses";
import { isPlainMailAddress } from "@/lib/core/mail-address";
import { recordAudit } from "./audit";

/** An admin has read the notice of a paused address; it stays paused. False when no such pause. */
export async function acknowledgeMailPause(actor: StaffIdentity, address: string): Promise<boolean> {
  assertRole(actor, "admin");
  if (typeof address !== "string" || !isPlainMailAddress(address)) return false;
  const done = await markPauseUnderstood(address);
  if (done)
    await recordAudit(actor, {
      action: "mail_pause.acknowledge",
      entity: "MailAddressHealth",
      entityId: address.slice(0, 80),
      after: { address },
    });
  return done;
}

/** An admin resumes sending to a paused address (its bounce counts start again). False when no such pause. */
export async function resumeMailAddress(actor: StaffIdentity, address: string): Promise<boolean> {
  assertRole(actor, "admin");
  if (typeof address !== "string" || !isPlainMailAddress(address)) return false;
  const done = await resumeSendingTo(address);
  if (done)
    await recordAudit(actor, {
      action: "mail_pause.resume",
      entity: "MailAddressHealth",
      entityId: address.slice(0, 80),
      after: { address },
    });
  return done;
}
