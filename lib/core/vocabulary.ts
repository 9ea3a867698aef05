// The campaign's vocabulary, read from the database's own enums
// (prisma/schema.prisma), so a value added there is known everywhere at once.
// Pure, and free of zod: client components import it too (the schemas are
// in ./vocabulary-schemas.ts). Labels live in messages/, keyed by
// these values; tests/unit/the-vocabulary-has-one-home.test.ts fails when a
// list is spelled out anywhere else or a language lacks a label.
import * as DatabaseEnums from "@/generated/prisma/enums";

type ValueOf<T> = T[keyof T];

/** An enum's values in schema order, typed as a non-empty tuple for z.enum. */
function valuesOf<T extends Record<string, string>>(values: T): [ValueOf<T>, ...ValueOf<T>[]] {
  return Object.values(values) as [ValueOf<T>, ...ValueOf<T>[]];
}

/** How a letter reaches an addressee; each is counted on its own. Shown in this order. */
export const letterChannels = valuesOf(DatabaseEnums.LetterChannel);
export type LetterChannel = DatabaseEnums.LetterChannel;

/**
 * The channels a supporter picks for all their letters in the builder. An X
 * post is not one: it is offered beside the chosen channel for addressees on X.
 */
export const sendingChannels = letterChannels.filter(
  (channel): channel is Exclude<LetterChannel, "x_post"> => channel !== "x_post",
) as [Exclude<LetterChannel, "x_post">, ...Exclude<LetterChannel, "x_post">[]];
export type SendingChannel = (typeof sendingChannels)[number];

/** How much of their identity a supporter lets the letters reveal, least first. */
export const identityLevels = valuesOf(DatabaseEnums.IdentityLevel);
export type IdentityLevel = DatabaseEnums.IdentityLevel;

export const campaignStatuses = valuesOf(DatabaseEnums.CampaignStatus);
export type CampaignStatus = DatabaseEnums.CampaignStatus;

export const addresseeKinds = valuesOf(DatabaseEnums.AddresseeKind);
export type AddresseeKind = DatabaseEnums.AddresseeKind;

export const addresseeStatuses = valuesOf(DatabaseEnums.AddresseeStatus);
export type AddresseeStatus = DatabaseEnums.AddresseeStatus;

export const letterStatuses = valuesOf(DatabaseEnums.LetterStatus);
export type LetterStatus = DatabaseEnums.LetterStatus;

export const deliveryStatuses = valuesOf(DatabaseEnums.DeliveryStatus);
export type DeliveryStatus = DatabaseEnums.DeliveryStatus;

export const outboxKinds = valuesOf(DatabaseEnums.OutboxKind);
export type OutboxKind = DatabaseEnums.OutboxKind;

export const staffRoles = valuesOf(DatabaseEnums.StaffRole);
export type StaffRole = DatabaseEnums.StaffRole;

/**
 * The rate-limit key every client shares when the operator's proxy names no
 * client address (CLIENT_IP_HEADER unset): per-client limits then do not apply.
 */
export const allClients = "all-clients";

/** The largest request body anyone sends us: a letter is at most 8,000 characters. */
export const maxRequestBodyBytes = 64 * 1024;

/**
 * A partner's code (?source=, CampaignSource.code): lower-case letters,
 * digits and hyphens, at most 40. The one spelling of it: admins' form, the
 * pages that carry it and the signature's schema all check this.
 */
export const partnerSourcePattern = /^[a-z0-9-]{1,40}$/;
