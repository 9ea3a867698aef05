import { format, formatNumber, messagesFor } from "@/lib/i18n/messages";
import type { CampaignTotals } from "@/lib/signatures/schema";

export function SignatureCount({ totals, language }: { totals: CampaignTotals; language: string }) {
  const t = messagesFor(language).campaign;
  const count = totals.signatures;
  const label =
    count === 0 ? t.signaturesNone : count === 1 ? t.signaturesOne : format(t.signatures, { count: formatNumber(count, language) });
  const goal = totals.signatureGoal;
  return (
    <div className="count" data-testid="signature-count">
      <p className="count-figure">{label}</p>
      {goal ? (
        <>
          <progress max={goal} value={Math.min(count, goal)} aria-label={t.progressLabel} />
          <p className="small">{format(t.goal, { goal: formatNumber(goal, language) })}</p>
        </>
      ) : null}
    </div>
  );
}
