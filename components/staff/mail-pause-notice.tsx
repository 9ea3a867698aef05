import type { MailPause } from "@/lib/bounces/mail-pauses";

type Texts = {
  title: (count: number) => string;
  intro: string;
  address: (address: string) => string;
  addressees: (names: string) => string;
  noAddressee: string;
  reason: (pause: MailPause) => string;
  lastReport: (detail: string) => string;
  pausedAt: (pausedAt: Date) => string;
  acknowledged: string;
  understood: string;
  resume: string;
  adminsResume: string;
};

/**
 * The staff dashboard's notice of addresses sending stopped to (bounces or a
 * complaint): whom, which address, why in plain words; admins say
 * "understood" or resume sending (server actions that check the role).
 */
export function MailPauseNotice(props: {
  pauses: MailPause[];
  texts: Texts;
  names: (names: string[]) => string;
  isAdmin: boolean;
  understoodAction: (formData: FormData) => Promise<void>;
  resumeAction: (formData: FormData) => Promise<void>;
}) {
  const { pauses, texts: t } = props;
  if (pauses.length === 0) return null;
  return (
    <section aria-labelledby="mail-pauses" className="notice" data-testid="mail-pauses">
      <h2 id="mail-pauses">{t.title(pauses.length)}</h2>
      <p>{t.intro}</p>
      <ul>
        {pauses.map((pause) => (
          <li key={pause.address} data-testid="mail-pause">
            <p>
              <strong>
                {pause.addressees.length > 0 ? t.addressees(props.names(pause.addressees)) : t.noAddressee}
              </strong>
              <br />
              {t.address(pause.address)}
            </p>
            <p>{t.reason(pause)}</p>
            {pause.lastDetail ? <p>{t.lastReport(pause.lastDetail)}</p> : null}
            <p>
              {t.pausedAt(pause.pausedAt)} {pause.acknowledged ? t.acknowledged : null}
            </p>
            {props.isAdmin ? (
              <div className="inline-form">
                {pause.acknowledged ? null : (
                  <form action={props.understoodAction}>
                    <input type="hidden" name="address" value={pause.address} />
                    <button type="submit">{t.understood}</button>
                  </form>
                )}
                <form action={props.resumeAction}>
                  <input type="hidden" name="address" value={pause.address} />
                  <button type="submit">{t.resume}</button>
                </form>
              </div>
            ) : (
              <p>{t.adminsResume}</p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
