// Shown at the top of every campaign page, before any form: taking part can
// be prosecuted in Russia, and readers must know that before they act.
export function SafetyNotice({ heading, text }: { heading: string; text: string }) {
  if (!text) return null;
  return (
    <aside className="safety" aria-labelledby="safety-heading">
      <h2 id="safety-heading">{heading}</h2>
      <p>{text}</p>
    </aside>
  );
}
