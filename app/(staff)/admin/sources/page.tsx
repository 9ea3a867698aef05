import { WideTable } from "@/components/admin/wide-table";
import type { Metadata } from "next";
import { SourceForm } from "@/components/admin/source-form";
import { knownCode, sourceDoneCodes, sourceProblemCodes } from "@/lib/admin/status-codes";
import { listSources } from "@/lib/admin/sources";
import { withPartnerSource } from "@/lib/campaigns/partner-source";
import { campaignShareUrl } from "@/lib/campaigns/share-links";
import { canonicalOrigin } from "@/lib/core/origins";
import { requireStaff } from "@/lib/auth/session";
import { catalogues, formatNumber } from "@/lib/i18n/messages";
import { adminLanguage } from "@/lib/i18n/admin-language";
import { addSourceAction, deleteSourceAction } from "./actions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await adminLanguage();
  return { title: t("sources.title"), robots: { index: false } };
}

const one = (value: string | string[] | undefined) => (typeof value === "string" ? value : undefined);

/**
 * Partner sources: the `?source=` codes of each campaign, what each counted,
 * and a form to add one. Only a count per code exists; nothing ties a
 * signature to its partner.
 */
export default async function SourcesPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const admin = await requireStaff("admin");
  const campaigns = await listSources(admin);
  const query = await searchParams;
  const { locale, t, href } = await adminLanguage();
  const done = knownCode(sourceDoneCodes, one(query.done));
  const problem = knownCode(sourceProblemCodes, one(query.problem));
  return (
    <>
      <h1>{t("sources.title")}</h1>
      <p>{t.rich("sources.intro", { code: (chunks) => <code>{chunks}</code> })}</p>
      {done && (
        <p role="status" className="form-ok">
          {t(`sources.${done}`)}
        </p>
      )}
      {problem && (
        <p role="alert" className="form-error">
          {t(`sources.${problem}`)}
        </p>
      )}
      {campaigns.map((c) => (
        <section key={c.id} aria-labelledby={`campaign-${c.id}`}>
          <h2 id={`campaign-${c.id}`}>
            <a href={href(`/admin/campaigns/${c.id}`)}>{c.title}</a>
          </h2>
          {c.sources.length === 0 ? (
            <p>{t("sources.none")}</p>
          ) : (
            <WideTable label={t("sources.caption", { campaign: c.title })}>
              <table data-testid={`sources-${c.slug}`}>
                <caption>{t("sources.caption", { campaign: c.title })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("sources.columnCode")}</th>
                    <th scope="col">{t("sources.columnLabel")}</th>
                    <th scope="col">{t("sources.columnLink")}</th>
                    <th scope="col">{t("sources.columnSignatures")}</th>
                    <th scope="col">{t("sources.columnDelete")}</th>
                  </tr>
                </thead>
                <tbody>
                  {c.sources.map((s) => (
                    <tr key={s.code}>
                      <th scope="row">
                        <code>{s.code}</code>
                      </th>
                      <td>{s.label}</td>
                      <td>
                        {/* Partners publish it on the open web: the canonical address, whichever origin staff use. */}
                        <code>{withPartnerSource(campaignShareUrl(canonicalOrigin().origin, c.slug), s.code)}</code>
                      </td>
                      <td>{formatNumber(s.signatures, locale)}</td>
                      <td>
                        {s.signatures === 0 ? (
                          <form action={deleteSourceAction}>
                            <input type="hidden" name="campaignId" value={c.id} />
                            <input type="hidden" name="code" value={s.code} />
                            <button type="submit">{t("sources.delete", { code: s.code })}</button>
                          </form>
                        ) : (
                          t("sources.kept")
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </WideTable>
          )}
        </section>
      ))}
      {campaigns.length > 0 && (
        <section aria-labelledby="add-source">
          <h2 id="add-source">{t("sources.addHeading")}</h2>
          <SourceForm
            campaigns={campaigns.map((c) => ({ id: c.id, title: c.title }))}
            action={addSourceAction}
            locale={locale}
            messages={{ admin: catalogues[locale].admin }}
          />
        </section>
      )}
    </>
  );
}
