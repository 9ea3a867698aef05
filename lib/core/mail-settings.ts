import "server-only";
import { env } from "./env";

const localHosts = new Set(["localhost", "127.0.0.1", "::1", "[::1]"]);

/**
 * The domain our Message-IDs and envelope senders (bounces+<token>@domain)
 * carry: MAIL_RETURN_PATH_DOMAIN, else the host of PUBLIC_URL. Never the From
 * address's domain by default, which is "localhost" until someone sets it;
 * the bounces must come back to a domain whose MX reaches our listener.
 */
export function mailDomain(): string {
  const settings = env();
  return settings.MAIL_RETURN_PATH_DOMAIN ?? new URL(settings.PUBLIC_URL).hostname;
}

/**
 * nodemailer's SMTP options from SMTP_URL, for every sender (letters,
 * supporter emails, digests): TLS required unless the server is on this
 * machine, the timeouts, and DKIM signing when a key is configured.
 */
export function smtpOptions(url: string) {
  const settings = env();
  const dkim =
    settings.DKIM_DOMAIN && settings.DKIM_SELECTOR && settings.DKIM_PRIVATE_KEY
      ? {
          domainName: settings.DKIM_DOMAIN,
          keySelector: settings.DKIM_SELECTOR,
          privateKey: settings.DKIM_PRIVATE_KEY.replace(/\\n/g, "\n"),
        }
      : undefined;
  return {
    url,
    requireTLS: !localHosts.has(new URL(url).hostname) && !url.startsWith("smtps://"),
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
    dkim,
  };
}
