import { translator } from "@/lib/i18n/messages";
import type { CampaignTotals } from "@/lib/tallies/schema";

export function SignatureCount({ totals, locale }: { totals: CampaignTotals; locale: string }) {
  const t = translator(locale, "campaign");
  const goal = totals.signatureGoal;
  return (
    <div className="count" data-testid="signature-count">
      <p className="count-figure">{t("signatures", { count: totals.signatures })}</p>
      {goal ? (
        <>
          <progress max={goal} value={Math.min(totals.signatures, goal)} aria-label={t("progressLabel")} />
          <p className="small">{t("goal", { goal })}</p>
        </>
      ) : null}
    </div>
  );
}
