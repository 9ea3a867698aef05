import type { Metadata } from "next";
import { translator } from "@/lib/i18n/messages";
import { requestLocale } from "@/lib/i18n/request-locale";
import { signatureFromDeletionToken } from "@/lib/privacy/deletion-link";
import { deleteMyData } from "./actions";

export const dynamic = "force-dynamic";
export async function generateMetadata(): Promise<Metadata> {
  return { title: translator(await requestLocale(), "deleteData")("title"), robots: { index: false } };
}

const one = (value: string | string[] | undefined) => (typeof value === "string" ? value : undefined);

export default async function DeleteMyDataPage({ searchParams }: PageProps<"/privacy/delete">) {
  const query = await searchParams;
  const lang = await requestLocale();
  const t = translator(lang, "deleteData");
  const result = one(query.result);
  const token = one(query.token);

  let body: React.ReactNode;
  if (result === "deleted") {
    const cancelled = Number(one(query.cancelled) ?? 0);
    body = (
      <div role="status">
        <p>{t("deleted")}</p>
        {cancelled > 0 && <p>{t("cancelled", { count: cancelled })}</p>}
      </div>
    );
  } else if (result === "nothing_left") {
    body = <p role="status">{t("nothingLeft")}</p>;
  } else if (result || !token || token.length > 500 || !signatureFromDeletionToken(token)) {
    body = <p role="alert">{t("invalid")}</p>;
  } else {
    body = (
      <form action={deleteMyData}>
        <p>{t("intro")}</p>
        <p>{t("sentNote")}</p>
        <input type="hidden" name="token" value={token} />
        {lang && <input type="hidden" name="lang" value={lang} />}
        <button type="submit">{t("button")}</button>
      </form>
    );
  }
  return (
    <div lang={lang}>
      <h1>{t("title")}</h1>
      {body}
      <p>
        <a href="/">{t("back")}</a>
      </p>
    </div>
  );
}
