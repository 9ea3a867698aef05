// Sharing that cannot track: plain links the supporter's browser opens, with
// the safety notice beside them (a share is visible to the platform and to
// whoever sees the post). No script, no counter, no image from another host.
// Used by the campaign page and, passed through the letter builder, by the
// thank-you view.
import { campaignShareUrl, shareLinks } from "@/lib/campaigns/share-links";
import { translator } from "@/lib/i18n/messages";

export function ShareLinks({
  origin,
  slug,
  title,
  locale,
  warn,
}: {
  /** The origin the reader came in on: a reader on the onion or a mirror shares that address. */
  origin: string;
  slug: string;
  /** The campaign's title, in its own language: the text the links share. */
  title: string;
  /** The interface language. */
  locale: string;
  /** Repeat the safety warning (campaigns that carry a safety notice). */
  warn: boolean;
}) {
  const t = translator(locale, "share");
  const url = campaignShareUrl(origin, slug);
  return (
    <section aria-labelledby="share-heading" className="share" lang={locale} data-testid="share">
      <h2 id="share-heading">{t("heading")}</h2>
      {warn ? <p className="share-safety">{t("safety")}</p> : null}
      <p>{t("intro")}</p>
      <ul className="share-links">
        {shareLinks(url, title).map((link) => (
          <li key={link.service}>
            <a href={link.href} rel="noreferrer noopener">
              {t(`services.${link.service}`)}
            </a>
          </li>
        ))}
      </ul>
      <p>
        <label htmlFor="share-url">{t("copyLabel")}</label>
        <input id="share-url" className="share-url" type="url" readOnly value={url} />
      </p>
      <p className="small">{t("copyHint")}</p>
    </section>
  );
}
