import "server-only";
import { env } from "@/lib/env";
import type { ComposedLetter } from "@/lib/letters/compose-letters";
import type { LetterBuilder } from "@/lib/letters/get-letter-builder";
import { signValue } from "@/lib/privacy/encryption";

const validForHours = 72;

/** A signed link that confirms the address and releases the letters; expires after 72 hours. */
export function confirmationToken(signatureId: string, now: Date): string {
  const expires = Math.floor(now.getTime() / 1000) + validForHours * 3600;
  return signValue(`confirm.${signatureId}.${expires}`);
}

const texts: Record<string, { subject: string; intro: string; list: string; link: string; ignore: string }> = {
  en: {
    subject: "Confirm your email address to send your letters",
    intro: "You asked us to send your letters for the campaign “{title}”. They leave only once you confirm this address.",
    list: "Letters waiting for your confirmation:",
    link: "Confirm and send (the link works for 72 hours):",
    ignore: "If you did not ask for this, ignore this email: nothing will be sent, and your data is deleted after the retention period.",
  },
  ru: {
    subject: "Подтвердите адрес эл. почты, чтобы отправить письма",
    intro: "Вы попросили нас отправить ваши письма в рамках кампании «{title}». Они будут отправлены только после подтверждения этого адреса.",
    list: "Письма ждут подтверждения:",
    link: "Подтвердить и отправить (ссылка действует 72 часа):",
    ignore: "Если вы этого не делали, просто проигнорируйте письмо: ничего не будет отправлено, а данные будут удалены по истечении срока хранения.",
  },
};

export function confirmationEmail(options: { signatureId: string; builder: LetterBuilder; letters: readonly ComposedLetter[]; now: Date }) {
  const t = texts[options.builder.language] ?? texts.en!;
  const url = `${env().PUBLIC_URL}/c/${options.builder.campaign.slug}/confirm?token=${encodeURIComponent(confirmationToken(options.signatureId, options.now))}`;
  const text = [
    t.intro.replace("{title}", options.builder.campaign.title),
    t.list,
    options.letters.map((l) => `- ${l.addressee.name}`).join("\n"),
    `${t.link}\n${url}`,
    t.ignore,
  ].join("\n\n");
  return { subject: t.subject, text, url };
}
