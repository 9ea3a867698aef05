import { WideTable } from "@/components/admin/wide-table";
import { DirectoryImportForm } from "@/components/admin/directory-import-form";
import { listDirectory } from "@/lib/admin/directory";
import { directoryColumns, translatedOrganisationColumn } from "@/lib/admin/directory-csv";
import { requireStaff } from "@/lib/auth/session";
import { catalogues } from "@/lib/i18n/messages";
import { adminLanguage, adminMetadata, formatDay } from "@/lib/i18n/admin-language";
import { importDirectoryAction } from "./actions";

export const dynamic = "force-dynamic";
export const generateMetadata = () => adminMetadata("directory.title");

export default async function DirectoryPage() {
  const admin = await requireStaff("admin");
  const entries = await listDirectory(admin);
  const { locale, t, href } = await adminLanguage();
  return (
    <>
      <h1>{t("directory.title")}</h1>
      <p>{t("directory.intro")}</p>
      <section aria-labelledby="import">
        <h2 id="import">{t("directory.importHeading")}</h2>
        <p>
          {t.rich("directory.importHelp", {
            columns: [...directoryColumns, translatedOrganisationColumn("fr")].join(", "),
            code: (chunks) => <code>{chunks}</code>,
            link: (chunks) => <a href="/admin/directory/export">{chunks}</a>,
          })}
        </p>
        <DirectoryImportForm
          action={importDirectoryAction}
          locale={locale}
          messages={{ admin: catalogues[locale].admin }}
        />
      </section>
      <WideTable label={t("directory.title")}>
        <table data-testid="directory">
          <caption>{t("directory.caption", { count: entries.length })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("directory.columnCountry")}</th>
              <th scope="col">{t("directory.columnName")}</th>
              <th scope="col">{t("directory.columnEmails")}</th>
              <th scope="col">{t("directory.columnStatus")}</th>
              <th scope="col">{t("directory.columnLastVerified")}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id}>
                <td>{e.country}</td>
                <th scope="row">
                  <a href={href(`/admin/addressees/${e.id}`)}>{e.name}</a>
                </th>
                <td>{e.emails.join(", ")}</td>
                <td>{t(`addresseeStatus.${e.status}`)}</td>
                <td>
                  <time dateTime={e.lastVerifiedAt.toISOString().slice(0, 10)}>
                    {formatDay(e.lastVerifiedAt, locale)}
                  </time>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </WideTable>
    </>
  );
}
