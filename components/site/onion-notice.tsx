// The onion address, for readers whose network blocks the site or watches
// which sites they visit (lib/privacy/onion-offer.ts). Nothing when no onion
// is set; on the onion, that the reader is using it.
import { translator } from "@/lib/i18n/messages";
import type { OnionOffer } from "@/lib/privacy/onion-offer";

export function OnionNotice({ offer, locale }: { offer: OnionOffer | null; locale: string }) {
  if (!offer) return null;
  const t = translator(locale, "onion");
  if (offer.kind === "here") {
    return (
      <p className="onion-notice" lang={locale} data-testid="onion-notice">
        {t("here")}
      </p>
    );
  }
  return (
    <p className="onion-notice" lang={locale} data-testid="onion-notice">
      {t("offer")}{" "}
      <a href={offer.href} className="onion-address">
        {offer.host}
      </a>
      . {t("why")}
    </p>
  );
}
