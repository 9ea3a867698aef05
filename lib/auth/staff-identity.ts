// Who is acting, as the data layer sees it. Identities are only made by
// lib/auth/session.ts from a live session; domain functions check them with
// assertRole, so a caller cannot hand in a made-up object.
import type { StaffRole } from "./schema";

export type StaffIdentity = {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly role: StaffRole;
};

const issued = new WeakSet<StaffIdentity>();

export class NotSignedInError extends Error {
  constructor() {
    super("Sign in to continue.");
    this.name = "NotSignedInError";
  }
}

export class ForbiddenError extends Error {
  constructor(needed: StaffRole) {
    super(needed === "admin" ? "Only admins may do this." : "Only campaign staff may see this.");
    this.name = "ForbiddenError";
  }
}

/** Used by lib/auth/session.ts (and test factories) once a session has been verified. */
export function issueIdentity(identity: StaffIdentity): StaffIdentity {
  const frozen = Object.freeze({ ...identity });
  issued.add(frozen);
  return frozen;
}

export function roleAllows(role: StaffRole, needed: StaffRole): boolean {
  return needed === "staff" ? role === "staff" || role === "admin" : role === "admin";
}

/** The data layer's check: a verified identity with at least this role. */
export function assertRole(actor: StaffIdentity | null | undefined, needed: StaffRole): asserts actor is StaffIdentity {
  if (!actor || !issued.has(actor)) throw new NotSignedInError();
  if (!roleAllows(actor.role, needed)) throw new ForbiddenError(needed);
}
