"use client";
import { useEffect, useRef, useState } from "react";
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

export function ThankYouView({
  builder,
  thankYou,
  locale,
  messages,
}: {
  builder: LetterBuilder;
  thankYou: ThankYou;
  locale: string;
  messages: Pick<Messages, "thankYou">;
}) {
  const t = createTranslator({ locale, messages, namespace: "thankYou" });
  const [copied, setCopied] = useState(false);
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
  const campaignUrl = typeof window === "undefined" ? `/c/${slug}` : `${window.location.origin}/c/${slug}`;

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
      ) : null}

      <h2>{t("yourLetters")}</h2>
      <ul className="outputs">
        {outputs.addressees.map((a) => (
          <li key={a.addresseeId} data-testid="letter-output">
            <strong>{a.name}</strong>, {a.role} <span className="small">— {t(`via.${a.channel}`)}</span>
            <div className="output-actions">
              {a.mailto && a.channel !== "platform_email" ? <a href={a.mailto}>{t("openMail")}</a> : null}
              {a.xPost ? (
                <a href={a.xPost.url} rel="noreferrer noopener" target="_blank">
                  {t("postTo", { handle: a.xHandle ?? "" })}
                </a>
              ) : null}
            </div>
          </li>
        ))}
      </ul>
      {outputs.mailtoAll && thankYou.emailAddressees > 1 && thankYou.channel !== "platform_email" ? (
        <p>
          <a href={outputs.mailtoAll}>{t("mailtoAll", { count: thankYou.emailAddressees })}</a>
        </p>
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

      <h2>{t("shareHeading")}</h2>
      <p>
        {t("share")} <a href={`/c/${slug}`}>{campaignUrl}</a>
      </p>

      <aside className="safety" aria-label={t("staySafe")}>
        <p lang={builder.campaign.language}>{builder.campaign.safetyNotice}</p>
      </aside>
    </div>
  );
}
