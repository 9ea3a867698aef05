"use client";
// The letters as they will read, one per addressee: from the server (the
// "update preview" button, without JavaScript) or computed as the supporter types.
import { useSyncExternalStore } from "react";
import type { PreviewLetter } from "@/lib/signatures/letter-form-state";
import type { BuilderTranslator } from "./builder-form";

export function LetterPreview({
  t,
  preview,
  language,
}: {
  t: BuilderTranslator;
  preview: PreviewLetter[] | null;
  /** The letter's language. */
  language: string;
}) {
  // Without JavaScript the button posts the form to this page's address with
  // #preview, so the answer opens at the preview, not at the top. Once
  // JavaScript runs, the server action answers in place and the attribute goes.
  const scripted = useSyncExternalStore(nothingToWatch, scriptRuns, scriptDoesNotRun);
  return (
    <section aria-labelledby="preview-heading" className="preview" id="preview">
      <h2 id="preview-heading">{t("previewHeading")}</h2>
      <button
        type="submit"
        name="intent"
        value="preview"
        className="secondary"
        formNoValidate
        formAction={scripted ? undefined : "#preview"}
      >
        {t("updatePreview")}
      </button>
      <div aria-live="polite">
        {preview && preview.length > 0 ? (
          preview.map((letter) => (
            <article key={letter.addresseeId} className="letter-preview" data-testid="letter-preview" lang={language}>
              <p className="address-block">{letter.addressBlock.join("\n")}</p>
              <p className="date-line">{letter.dateLine}</p>
              <p>
                <strong>{letter.subject}</strong>
              </p>
              <p className="letter-text">{letter.text}</p>
            </article>
          ))
        ) : (
          <p className="small">{t("previewEmpty")}</p>
        )}
      </div>
    </section>
  );
}

// The server renders (and the browser hydrates) as without JavaScript; then the client's answer holds.
const nothingToWatch = () => () => {};
const scriptRuns = () => true;
const scriptDoesNotRun = () => false;
