// The letter form a benchmark's supporter sends through the API: the launch
// campaign's letter in English, each supporter with a name, email address
// and client address of their own, so no per-address or per-client limit bites.

export function supporterForm<Extra extends Record<string, unknown>>(
  n: number,
  addressees: string[],
  overrides: Extra = {} as Extra,
) {
  return {
    addressees,
    language: "en",
    subject: "Remove Amnesty International from the list",
    body: "{{salutation}}\n\nPlease remove Amnesty International from the list of undesirable organisations.\n\n{{signer}}",
    identity: "name_country",
    name: `Supporter ${n}`,
    country: "DE",
    email: `supporter${n}.${process.pid}@example.org`,
    channel: "platform_email",
    replyToMe: false,
    consentIdentity: true,
    consentCounted: true,
    consentContact: false,
    ...overrides,
  };
}

/** The supporter's own client address, sent as x-forwarded-for (CLIENT_IP_HEADER). */
export const supporterClientAddress = (n: number) => `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
