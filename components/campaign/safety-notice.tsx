// Shown at the top of every campaign page, before any form: taking part can
// be prosecuted in Russia, and readers must know that before they act. With
// an onion service set, it also gives its address (the site may be blocked
// there) or says the reader is on it.
import { OnionNotice } from "@/components/site/onion-notice";
import type { OnionOffer } from "@/lib/privacy/onion-offer";

export function SafetyNotice({
  heading,
  text,
  onion = null,
  locale,
}: {
  heading: string;
  text: string;
  onion?: OnionOffer | null;
  /** The interface language, for the onion sentence (the notice's text is in the campaign's). */
  locale: string;
}) {
  if (!text && !onion) return null;
  return (
    <aside className="safety" aria-labelledby="safety-heading">
      <h2 id="safety-heading">{heading}</h2>
      {text ? <p>{text}</p> : null}
      <OnionNotice offer={onion} locale={locale} />
    </aside>
  );
}
