import { translator } from "@/lib/i18n/messages";
import type { CampaignTotals } from "@/lib/tallies/schema";

/**
 * The public figures, each what it is: people who signed, letters prepared,
 * and of those the letters confirmed sent (never added together), with how
 * each is counted one click away (a <details>, so no script is needed).
 */
export function SignatureCount({ totals, locale }: { totals: CampaignTotals; locale: string }) {
  const t = translator(locale, "campaign");
  const counts = translator(locale, "counts");
  const goal = totals.signatureGoal;
  return (
    <div className="count" data-testid="signature-count">
      <p className="count-figure">{t("signatures", { count: totals.signatures })}</p>
      {totals.letters > 0 ? (
        <p className="count-letters" data-testid="letter-counts">
          <span>{counts("lettersPrepared", { count: totals.letters })}</span>
          {" · "}
          <span>{counts("lettersSent", { count: totals.lettersSent })}</span>
        </p>
      ) : null}
      {goal ? (
        <>
          <progress max={goal} value={Math.min(totals.signatures, goal)} aria-label={t("progressLabel")} />
          <p className="small">{t("goal", { goal })}</p>
        </>
      ) : null}
      <details className="count-how">
        <summary>{counts("howWeCount")}</summary>
        <p className="small">{counts("howWeCountBody")}</p>
      </details>
    </div>
  );
}
