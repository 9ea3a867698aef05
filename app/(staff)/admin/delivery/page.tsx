import { WideTable } from "@/components/admin/wide-table";
import { listAddresseeQueues, listDeliveryMessages, listSupporterEmails } from "@/lib/admin/delivery-queue";
import { deliveryStatuses } from "@/lib/core/vocabulary";
import { requireStaff } from "@/lib/auth/session";
import { formatNumber, problemTranslator } from "@/lib/i18n/messages";
import {
  deliveryDoneCodes,
  deliveryProblemCodes,
  knownCode,
  knownStatus,
  type DeliveryProblem,
} from "@/lib/admin/status-codes";
import { adminLanguage, adminMetadata, formatMoment } from "@/lib/i18n/admin-language";
import { cancelMessageAction, retryMessageAction, setDeliveryPausedAction } from "./actions";

export const dynamic = "force-dynamic";
export const generateMetadata = () => adminMetadata("delivery.title");

const one = (value: string | string[] | undefined) => (typeof value === "string" ? value : undefined);

/** A table's column headings. */
function HeaderRow({ labels }: { labels: string[] }) {
  return (
    <thead>
      <tr>
        {labels.map((label, i) => (
          <th scope="col" key={i}>
            {label}
          </th>
        ))}
      </tr>
    </thead>
  );
}

/** A one-button form that acts on one message. */
function MessageButton({
  action,
  id,
  label,
}: {
  action: (formData: FormData) => Promise<void>;
  id: string;
  label: string;
}) {
  return (
    <form action={action}>
      <input type="hidden" name="id" value={id} />
      <button type="submit">{label}</button>
    </form>
  );
}

export default async function DeliveryPage({ searchParams }: PageProps<"/admin/delivery">) {
  const admin = await requireStaff("admin");
  const query = await searchParams;
  const status = deliveryStatuses.find((s) => s === one(query.status));
  const { messages, counts, campaigns } = await listDeliveryMessages(admin, { status });
  const emails = await listSupporterEmails(admin);
  const { paced, queues } = await listAddresseeQueues(admin);
  const { locale, t, href } = await adminLanguage();
  const time = (d: Date | null) => (d ? formatMoment(d, locale) : t("common.none"));
  // Only known codes are said; any other text in the address is ignored.
  const done = knownCode(deliveryDoneCodes, one(query.done));
  const problem = knownCode(deliveryProblemCodes, one(query.problem));
  const why = problemTranslator(locale, "adminFormErrors");
  const problemText = (code: DeliveryProblem) =>
    code === "notAllowedStatus" || code === "letterTextDeleted"
      ? t("delivery.notNow", {
          why: why(code, { status: knownStatus(one(query.status)) ?? t("common.none") }),
        })
      : t(`delivery.${code}`);
  return (
    <>
      <h1>{t("delivery.title")}</h1>
      {done && (
        <p role="status" className="form-ok">
          {t(`delivery.${done}`)}
        </p>
      )}
      {problem && (
        <p role="alert" className="form-error">
          {problemText(problem)}
        </p>
      )}
      <p>{t.rich("delivery.outboxLink", { link: (chunks) => <a href={href("/admin/outbox")}>{chunks}</a> })}</p>
      <section aria-labelledby="pause">
        <h2 id="pause">{t("delivery.pauseHeading")}</h2>
        <ul>
          {campaigns.map((c) => (
            <li key={c.id}>
              <form action={setDeliveryPausedAction} className="inline-form">
                {t("delivery.campaignState", {
                  slug: c.slug,
                  state: c.deliveryPaused ? t("delivery.paused") : t("delivery.sending"),
                })}{" "}
                <input type="hidden" name="campaignId" value={c.id} />
                <input type="hidden" name="paused" value={c.deliveryPaused ? "false" : "true"} />
                <button type="submit">
                  {c.deliveryPaused ? t("delivery.resume", { slug: c.slug }) : t("delivery.pause", { slug: c.slug })}
                </button>
              </form>
            </li>
          ))}
        </ul>
      </section>
      <section>
        <h2 id="addressees">{t("delivery.addresseesHeading")}</h2>
        {!paced && <p>{t("delivery.pacingOff")}</p>}
        <WideTable label={t("delivery.addresseesHeading")}>
          <table data-testid="addressee-queues">
            <HeaderRow
              labels={[
                t("delivery.columnAddressee"),
                t("delivery.columnOffice"),
                t("delivery.columnQueued"),
                t("delivery.columnSentToday"),
                t("delivery.columnEmptyBy"),
              ]}
            />
            <tbody>
              {queues.map((q) => (
                <tr key={q.id}>
                  <td>{q.name}</td>
                  <td>
                    {t("delivery.officeLine", {
                      hours: q.office.hours,
                      zone: q.office.timeZone,
                      cap: formatNumber(q.hourlyCap, locale),
                    })}
                  </td>
                  <td>
                    {formatNumber(q.waiting, locale)}
                    {q.paused > 0 && ` (${t("delivery.addressPaused")})`}
                    {q.dailyDigest && ` (${t("delivery.dailyDigest")})`}
                  </td>
                  <td>{formatNumber(q.sentToday, locale)}</td>
                  <td>
                    {q.waiting === 0
                      ? t("delivery.nothingWaiting")
                      : q.emptyBy && q.paused === 0 && !q.dailyDigest
                        ? time(q.emptyBy)
                        : t("common.none")}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </WideTable>
      </section>
      <section>
        <h2 id="messages">{t("delivery.messagesHeading")}</h2>
        <form method="get" className="inline-form">
          {/* A language chosen in the address stays chosen when the filter reloads the page. */}
          <input type="hidden" name="lang" value={locale} />
          <label htmlFor="status">{t("delivery.status")}</label>
          <select id="status" name="status" defaultValue={status ?? ""}>
            <option value="">{t("delivery.all")}</option>
            {deliveryStatuses.map((s) => (
              <option key={s} value={s}>
                {t("delivery.statusOption", {
                  status: t(`deliveryStatus.${s}`),
                  count: formatNumber(counts.find((c) => c.status === s)?.count ?? 0, locale),
                })}
              </option>
            ))}
          </select>
          <button type="submit">{t("delivery.show")}</button>
        </form>
        <WideTable label={t("delivery.messagesHeading")}>
          <table data-testid="delivery-messages">
            <HeaderRow
              labels={[
                t("delivery.columnTo"),
                t("delivery.columnStatus"),
                t("delivery.columnAttempts"),
                t("delivery.columnNext"),
                t("delivery.columnLastError"),
                t("delivery.columnAct"),
              ]}
            />
            <tbody>
              {messages.map((m) => (
                <tr key={m.id}>
                  <td>
                    {m.toName} &lt;{m.toAddress}&gt;
                  </td>
                  <td>{t(`deliveryStatus.${m.status}`)}</td>
                  <td>{formatNumber(m.attempts, locale)}</td>
                  <td>{m.status === "sent" ? time(m.sentAt) : time(m.nextAttemptAt)}</td>
                  <td>{m.lastError ?? ""}</td>
                  <td>
                    {["failed", "deferred", "cancelled"].includes(m.status) && (
                      <MessageButton action={retryMessageAction} id={m.id} label={t("delivery.retry")} />
                    )}
                    {["queued", "deferred"].includes(m.status) && (
                      <MessageButton action={cancelMessageAction} id={m.id} label={t("delivery.cancel")} />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </WideTable>
      </section>
      <section>
        <h2 id="supporter-emails">{t("delivery.supporterEmailsHeading")}</h2>
        <WideTable label={t("delivery.supporterEmailsHeading")}>
          <table>
            <HeaderRow
              labels={[
                t("delivery.columnKind"),
                t("delivery.columnLanguage"),
                t("delivery.columnStatus"),
                t("delivery.columnAttempts"),
                t("delivery.columnMade"),
                t("delivery.columnLastError"),
              ]}
            />
            <tbody>
              {emails.map((e) => (
                <tr key={e.id}>
                  <td>{t(`delivery.kind.${e.kind}`)}</td>
                  <td>{e.language}</td>
                  <td>{t(`deliveryStatus.${e.status}`)}</td>
                  <td>{formatNumber(e.attempts, locale)}</td>
                  <td>{time(e.createdAt)}</td>
                  <td>{e.lastError ?? ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </WideTable>
      </section>
    </>
  );
}
