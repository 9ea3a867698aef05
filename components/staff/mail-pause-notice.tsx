import type { MailPause } from "@/lib/bounces/mail-pauses";
import { translator } from "@/lib/i18n/messages";

/**
 * The staff dashboard's notice of addresses sending stopped to (bounces or a
 * complaint): whom, which address, why in plain words; admins say
 * "understood" or resume sending (server actions that check the role).
 */
export function MailPauseNotice(props: {
  pauses: MailPause[];
  locale: string;
  isAdmin: boolean;
  understoodAction: (formData: FormData) => Promise<void>;
  resumeAction: (formData: FormData) => Promise<void>;
}) {
  const { pauses, locale } = props;
  if (pauses.length === 0) return null;
  const t = translator(locale, "staff");
  const names = new Intl.ListFormat(locale, { style: "long", type: "conjunction" });
  // UTC, as every time on the dashboard.
  const when = new Intl.DateTimeFormat(locale, {
    day: "numeric",
    month: "short",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    timeZone: "UTC",
  });
  return (
    <section aria-labelledby="mail-pauses" className="notice" data-testid="mail-pauses">
      <h2 id="mail-pauses">{t("dashboard.mailPauses.title", { count: pauses.length })}</h2>
      <p>{t("dashboard.mailPauses.intro")}</p>
      <ul>
        {pauses.map((pause) => (
          <li key={pause.address} data-testid="mail-pause">
            <p>
              <strong>
                {pause.addressees.length > 0
                  ? t("dashboard.mailPauses.addressees", { names: names.format(pause.addressees) })
                  : t("dashboard.mailPauses.noAddressee")}
              </strong>
              <br />
              {t("dashboard.mailPauses.address", { address: pause.address })}
            </p>
            <p>
              {pause.reason === "complaint"
                ? t("dashboard.mailPauses.reasonComplaint")
                : t("dashboard.mailPauses.reasonHard", { count: pause.hardBounces })}
            </p>
            {pause.lastDetail ? <p>{t("dashboard.mailPauses.lastReport", { detail: pause.lastDetail })}</p> : null}
            <p>
              {t("dashboard.mailPauses.pausedAt", { date: when.format(pause.pausedAt) })}{" "}
              {pause.acknowledged ? t("dashboard.mailPauses.acknowledged") : null}
            </p>
            {props.isAdmin ? (
              <div className="inline-form">
                {pause.acknowledged ? null : (
                  <form action={props.understoodAction}>
                    <input type="hidden" name="address" value={pause.address} />
                    <button type="submit">{t("dashboard.mailPauses.understood")}</button>
                  </form>
                )}
                <form action={props.resumeAction}>
                  <input type="hidden" name="address" value={pause.address} />
                  <button type="submit">{t("dashboard.mailPauses.resume")}</button>
                </form>
              </div>
            ) : (
              <p>{t("dashboard.mailPauses.adminsResume")}</p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
