// Compose links of the webmail services supporters use: plain links that
// open a new message in the supporter's own account, signed in or not. The
// provider sees the letter (the thank-you view says so). Proton Mail has no
// documented link that opens a message with its text filled in, so it gets
// none: the view offers its address and the text to copy instead.
import { crlf, encodeLinkValue, linkAddresses } from "./mailto";

export const webmailServices = ["gmail", "outlook", "yandex"] as const;
export type WebmailService = (typeof webmailServices)[number];
export type WebmailLinks = Record<WebmailService, string>;

const composeUrl: Record<WebmailService, { base: string; subject: string }> = {
  gmail: { base: "https://mail.google.com/mail/?view=cm&fs=1&to=", subject: "su" },
  outlook: { base: "https://outlook.live.com/mail/0/deeplink/compose?to=", subject: "subject" },
  yandex: { base: "https://mail.yandex.ru/compose?to=", subject: "subject" },
};

/** Each service's compose link; without a body (an empty one), only the address and subject. */
export function webmailLinks(message: { to: readonly string[]; subject: string; body: string }): WebmailLinks {
  const to = linkAddresses(message.to);
  const subject = encodeLinkValue(message.subject);
  const body = message.body ? encodeLinkValue(crlf(message.body)) : "";
  const link = (service: WebmailService) => {
    const url = composeUrl[service];
    return `${url.base}${to}&${url.subject}=${subject}${body ? `&body=${body}` : ""}`;
  };
  return { gmail: link("gmail"), outlook: link("outlook"), yandex: link("yandex") };
}
