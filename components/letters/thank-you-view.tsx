"use client";
import { useEffect, useRef, useState } from "react";
import type { LetterBuilder } from "@/lib/letters/get-letter-builder";
import type { ThankYou } from "@/lib/signatures/letter-form-state";

const channelLabels: Record<string, string> = {
  platform_email: "sent for you after you confirm your email",
  own_email_client: "from your own email",
  pdf_print: "by post (PDF)",
  x_post: "as a post on X",
  self_reported: "sent by you",
};

/** Hidden fields carrying the letter to the PDF and .eml renderers; we keep none of it. */
function ContentFields({ content }: { content: ThankYou["content"] }) {
  return (
    <>
      {Object.entries(content).flatMap(([name, value]) =>
        (Array.isArray(value) ? value : [value]).map((v, i) => <input key={`${name}-${i}`} type="hidden" name={name} value={v} />),
      )}
    </>
  );
}

export function ThankYouView({ builder, thankYou }: { builder: LetterBuilder; thankYou: ThankYou }) {
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
    <div className="thank-you" lang={builder.language} data-testid="thank-you">
      <h1 tabIndex={-1} ref={heading}>{thankYou.outcome === "duplicate" ? "You have already signed" : "Thank you"}</h1>
      {thankYou.outcome === "duplicate" ? (
        <p role="status">
          You had already signed this campaign with this email address (or sent this form before). Your signature counts once, so we did not
          count it again. Your letters are below, ready to send.
        </p>
      ) : (
        <p role="status">Your signature is recorded. {thankYou.signatures.toLocaleString(builder.language)} people have written so far.</p>
      )}

      {thankYou.confirmationQueued ? (
        <p className="notice">
          <strong>One more step:</strong> we are emailing you a confirmation link. Your letters leave our server only after you open it
          (within 72 hours). If you change your mind, do nothing: nothing will be sent.
        </p>
      ) : null}

      <h2>Your letters</h2>
      <ul className="outputs">
        {outputs.addressees.map((a) => (
          <li key={a.addresseeId} data-testid="letter-output">
            <strong>{a.name}</strong>, {a.role} <span className="small">— {channelLabels[a.channel] ?? a.channel}</span>
            <div className="output-actions">
              {a.mailto && a.channel !== "platform_email" ? <a href={a.mailto}>Open in my mail app</a> : null}
              {a.xPost ? (
                <a href={a.xPost.url} rel="noreferrer noopener" target="_blank">
                  Post to @{a.xHandle} on X
                </a>
              ) : null}
            </div>
          </li>
        ))}
      </ul>
      {outputs.mailtoAll && thankYou.emailAddressees > 1 && thankYou.channel !== "platform_email" ? (
        <p>
          <a href={outputs.mailtoAll}>One email to all {thankYou.emailAddressees} email addressees</a>
        </p>
      ) : null}

      {xPosts.length > 0 ? (
        <>
          <h3>Prepared posts for X</h3>
          {xPosts.map((a) => (
            <p key={a.addresseeId} className="x-post">
              {a.xPost!.text}
            </p>
          ))}
          <p className="small">The link opens X with this text; nothing is posted until you press “Post” there, from your own account.</p>
        </>
      ) : null}

      <h2>Download or print</h2>
      <div className="downloads">
        <form method="post" action={`/c/${slug}/letters/pdf`}>
          <ContentFields content={thankYou.content} />
          <input type="hidden" name="paper" value="a4" />
          <button type="submit" className="secondary">PDF, A4</button>
        </form>
        <form method="post" action={`/c/${slug}/letters/pdf`}>
          <ContentFields content={thankYou.content} />
          <input type="hidden" name="paper" value="letter" />
          <button type="submit" className="secondary">PDF, US Letter</button>
        </form>
        {thankYou.emailAddressees > 0 ? (
          <form method="post" action={`/c/${slug}/letters/eml`}>
            <ContentFields content={thankYou.content} />
            <button type="submit" className="secondary">Email file (.eml) for your mail app</button>
          </form>
        ) : null}
      </div>

      <h2>Copy the text</h2>
      <label htmlFor="copy-text" className="field">
        All your letters as text
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
        {copied ? "Copied" : "Copy to clipboard"}
      </button>

      <h2>Ask others to write</h2>
      <p>
        Share this address: <a href={`/c/${slug}`}>{campaignUrl}</a>
      </p>

      <aside className="safety" aria-label="Stay safe">
        <p>{builder.campaign.safetyNotice}</p>
      </aside>
    </div>
  );
}
