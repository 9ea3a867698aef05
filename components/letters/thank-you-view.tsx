"use client";
import { useEffect, useRef, useState, useSyncExternalStore, type ReactNode } from "react";
import type { AddresseeOutput, ComposeLinks, EmailOutput } from "@/lib/letters/letter-outputs";
import type { LetterBuilder } from "@/lib/letters/get-letter-builder";
import { createTranslator } from "use-intl";
import type { ThankYou } from "@/lib/signatures/letter-form-state";
import type { Messages } from "@/lib/i18n/messages";

/** Hidden fields carrying the letter to the PDF and .eml renderers; we keep none of it. */
function ContentFields({ content }: { content: ThankYou["content"] }) {
  return (
    <>
      {Object.entries(content).flatMap(([name, value]) =>
        (Array.isArray(value) ? value : [value]).map((v, i) => (
          <input key={`${name}-${i}`} type="hidden" name={name} value={v} />
        )),
      )}
    </>
  );
}

// Whether a script runs here: false in the server's HTML (and so without JavaScript), true once hydrated.
const nothingToWatch = () => () => {};
const scriptRuns = () => true;
const scriptDoesNotRun = () => false;

type T = ReturnType<typeof createTranslator<Pick<Messages, "thankYou">, "thankYou">>;

/** Links to webmail open the supporter's own account, in a new tab, telling it nothing about this page. */
function ComposeLinkList({ links, t, mailApp }: { links: ComposeLinks; t: T; mailApp: string }) {
  const external = { rel: "noreferrer noopener", target: "_blank" } as const;
  return (
    <p className="output-actions">
      <a href={links.mailto}>{mailApp}</a>
      <a href={links.gmail} {...external}>
        {t("webmailGmail")}
      </a>
      <a href={links.outlook} {...external}>
        {t("webmailOutlook")}
      </a>
      <a href={links.yandex} {...external}>
        {t("webmailYandex")}
      </a>
    </p>
  );
}

/** One email per address: addressees sharing one get one message greeting each, so nobody sends twice. */
function EmailOutputItem({
  email,
  t,
  slug,
  content,
  withEml,
}: {
  email: EmailOutput;
  t: T;
  slug: string;
  content: ThankYou["content"];
  withEml: boolean;
}) {
  return (
    <li data-testid="email-output">
      <strong>{email.names.join(", ")}</strong>
      <span className="small block">{t("emailTo", { addresses: email.to.join(", ") })}</span>
      {email.names.length > 1 ? <p className="small">{t("sharedAddress")}</p> : null}
      {email.links ? (
        <ComposeLinkList links={email.links} t={t} mailApp={t("openMail")} />
      ) : (
        <>
          <p className="notice">{t("tooLong")}</p>
          <ComposeLinkList links={email.blankLinks} t={t} mailApp={t("newMessage")} />
        </>
      )}
      {withEml ? (
        <form method="post" action={`/c/${slug}/letters/eml`}>
          <ContentFields content={{ ...content, addressees: email.addresseeIds }} />
          <button type="submit" className="secondary">
            {t("emlOne")}
          </button>
        </form>
      ) : null}
    </li>
  );
}

/** How a letter goes: "by post" only where the addressee has a postal address. */
function viaLabel(a: AddresseeOutput, t: T): string {
  return a.channel === "pdf_print" && a.postal ? t("viaPost") : t(`via.${a.channel}`);
}

/**
 * "I sent them": letters our server does not send count as prepared until
 * their supporter says they went. A plain form (works without JavaScript);
 * the token it carries is the only authorisation, and names nobody.
 */
function SentReportForm({ thankYou, slug, locale, t }: { thankYou: ThankYou; slug: string; locale: string; t: T }) {
  const outputs = thankYou.outputs;
  // Not our server's, and not already said to be sent ("I have sent them myself already" counts as sent at signing).
  const selfSent = outputs.addressees.filter((a) => a.channel !== "platform_email" && a.channel !== "self_reported");
  if (!thankYou.sentReportToken || selfSent.length === 0) return null;
  // Letters that go as one email (a shared address) are one choice; the others one each.
  const emailed = thankYou.channel === "own_email_client" ? outputs.emails : [];
  const grouped = new Set(emailed.flatMap((e) => e.addresseeIds));
  const choices = [
    ...emailed
      .filter((e) => e.addresseeIds.some((id) => selfSent.some((a) => a.addresseeId === id)))
      .map((e) => ({ value: e.addresseeIds.join(" "), names: e.names })),
    ...selfSent.filter((a) => !grouped.has(a.addresseeId)).map((a) => ({ value: a.addresseeId, names: [a.name] })),
  ];
  return (
    <form method="post" action={`/c/${slug}/letters/report`} data-testid="sent-report">
      <fieldset>
        <legend>
          <h2>{t("sentHeading")}</h2>
        </legend>
        <p className="small">{t("sentIntro")}</p>
        <input type="hidden" name="token" value={thankYou.sentReportToken} />
        <input type="hidden" name="lang" value={locale} />
        {choices.map((choice) => (
          <label key={choice.value} className="choice">
            <input type="checkbox" name="letters" value={choice.value} />
            <span>{t("sentLetter", { names: choice.names.join(", ") })}</span>
          </label>
        ))}
        <button type="submit" className="secondary">
          {t("sentButton")}
        </button>
      </fieldset>
    </form>
  );
}

export function ThankYouView({
  builder,
  thankYou,
  locale,
  messages,
  share,
  contactConfirmation = false,
}: {
  builder: LetterBuilder;
  thankYou: ThankYou;
  locale: string;
  messages: Pick<Messages, "thankYou">;
  /** The campaign's share links (components/campaign/share-links.tsx), drawn by the page on the server. */
  share?: ReactNode;
  /**
   * The supporter gave an address and agreed to be written to, without letters
   * for our server: its confirmation email is on its way. Read from what they
   * typed, never from what was stored.
   */
  contactConfirmation?: boolean;
}) {
  const t = createTranslator({ locale, messages, namespace: "thankYou" });
  const [copied, setCopied] = useState(false);
  // The copy button needs a script: shown only once one runs (the text above it is selectable without).
  const scripted = useSyncExternalStore(nothingToWatch, scriptRuns, scriptDoesNotRun);
  const heading = useRef<HTMLHeadingElement>(null);
  // The view replaces the form in place: take the reader (and the screen
  // reader's focus) to its start.
  useEffect(() => {
    window.scrollTo(0, 0);
    heading.current?.focus();
  }, []);
  const slug = builder.campaign.slug;
  const outputs = thankYou.outputs;
  const xPosts = outputs.addressees.filter((a) => a.xPost);
  // Mail links for a supporter who chose to send from their own email (our
  // server sends platform letters; print keeps its one .eml among the downloads).
  const ownEmail = thankYou.channel === "own_email_client" && outputs.emails.length > 0;

  return (
    <div className="thank-you" lang={locale} data-testid="thank-you">
      <h1 tabIndex={-1} ref={heading}>
        {thankYou.outcome === "duplicate" ? t("titleDuplicate") : t("title")}
      </h1>
      {thankYou.outcome === "duplicate" ? (
        <p role="status">{t("duplicate")}</p>
      ) : (
        <p role="status">{t("recorded", { count: thankYou.signatures })}</p>
      )}

      {thankYou.confirmationQueued ? (
        <p className="notice">
          <strong>{t("oneMoreStep")}</strong> {t("confirmNotice")}
        </p>
      ) : contactConfirmation ? (
        <p className="notice">
          <strong>{t("oneMoreStep")}</strong> {t("contactNotice")}
        </p>
      ) : null}

      <h2>{t("yourLetters")}</h2>
      <ul className="outputs">
        {outputs.addressees.map((a) => (
          <li key={a.addresseeId} data-testid="letter-output">
            <strong>{a.name}</strong>, {a.role} <span className="small">— {viaLabel(a, t)}</span>
            {a.xPost ? (
              <div className="output-actions">
                <a href={a.xPost.url} rel="noreferrer noopener" target="_blank">
                  {t("postTo", { handle: a.xHandle ?? "" })}
                </a>
              </div>
            ) : null}
          </li>
        ))}
      </ul>

      {ownEmail ? (
        <>
          <h2>{t("emailsHeading")}</h2>
          <ul className="outputs">
            {outputs.emails.map((email) => (
              <EmailOutputItem
                key={email.addresseeIds.join(" ")}
                email={email}
                t={t}
                slug={slug}
                content={thankYou.content}
                withEml={outputs.emails.length > 1}
              />
            ))}
          </ul>
          {outputs.mailtoAll && outputs.mailtoAllFits && outputs.emails.length > 1 ? (
            <p>
              <a href={outputs.mailtoAll}>{t("mailtoAll", { count: thankYou.emailAddressees })}</a>
            </p>
          ) : null}
          <p className="small">{t("webmailNote")}</p>
          <p className="small warning">{t("yandexWarning")}</p>
          <p className="small">{t("proton")}</p>
        </>
      ) : null}

      {xPosts.length > 0 ? (
        <>
          <h3>{t("xPosts")}</h3>
          {xPosts.map((a) => (
            <p key={a.addresseeId} className="x-post">
              {a.xPost!.text}
            </p>
          ))}
          <p className="small">{t("xHint")}</p>
        </>
      ) : null}

      <h2>{t("download")}</h2>
      <div className="downloads">
        <form method="post" action={`/c/${slug}/letters/pdf`}>
          <ContentFields content={thankYou.content} />
          <input type="hidden" name="paper" value="a4" />
          <button type="submit" className="secondary">
            {t("pdfA4")}
          </button>
        </form>
        <form method="post" action={`/c/${slug}/letters/pdf`}>
          <ContentFields content={thankYou.content} />
          <input type="hidden" name="paper" value="letter" />
          <button type="submit" className="secondary">
            {t("pdfLetter")}
          </button>
        </form>
        {thankYou.emailAddressees > 0 ? (
          <form method="post" action={`/c/${slug}/letters/eml`}>
            <ContentFields content={thankYou.content} />
            <button type="submit" className="secondary">
              {t("eml")}
            </button>
          </form>
        ) : null}
      </div>

      <h2>{t("copyHeading")}</h2>
      <label htmlFor="copy-text" className="field">
        {t("copyLabel")}
      </label>
      <textarea id="copy-text" readOnly rows={10} value={outputs.copyText} />
      {scripted ? (
        <button
          type="button"
          className="secondary"
          onClick={async () => {
            await navigator.clipboard.writeText(outputs.copyText);
            setCopied(true);
          }}
        >
          {copied ? t("copied") : t("copy")}
        </button>
      ) : null}

      <SentReportForm thankYou={thankYou} slug={slug} locale={locale} t={t} />

      {share}

      <aside className="safety" aria-label={t("staySafe")}>
        <p lang={builder.campaign.language}>{builder.campaign.safetyNotice}</p>
      </aside>
    </div>
  );
}
