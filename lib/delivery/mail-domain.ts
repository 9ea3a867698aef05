import "server-only";
import { env } from "@/lib/core/env";

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
