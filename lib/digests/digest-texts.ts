// What a daily digest and a hand-delivery pack say around the letters, in
// each language of the interface. The letters themselves stay as written.

export type DigestTexts = {
  subject: (count: number, title: string, days: string) => string;
  greeting: (name: string) => string;
  wrote: (count: number, countries: number, days: string, title: string) => string;
  attached: string;
  inline: string;
  byCountry: string;
  totals: (url: string) => string;
  why: string;
  letterHeading: (index: number, count: number) => string;
  subjectLine: (subject: string) => string;
  /** A period: one day, or from one to another. */
  days: (first: string, last: string) => string;
  pack: {
    title: (name: string) => string;
    period: (days: string) => string;
    letters: (count: number) => string;
    byCountry: string;
    byDay: string;
    none: string;
  };
};

const plural = (count: number, one: string, other: string) => (count === 1 ? one : other);
// Russian takes three forms: 1 письмо, 2 письма, 5 писем.
const ru = (count: number, one: string, few: string, many: string) => {
  const rules = new Intl.PluralRules("ru").select(count);
  return rules === "one" ? one : rules === "few" ? few : many;
};

export const digestTexts: Record<"en" | "fr" | "es" | "ru", DigestTexts> = {
  en: {
    subject: (count, title, days) => `${count} ${plural(count, "letter", "letters")} to you: ${title} (${days})`,
    greeting: (name) => `Dear ${name},`,
    wrote: (count, countries, days, title) =>
      `${days}: ${count} ${plural(count, "person", "people")} from ${countries} ${plural(countries, "country", "countries")} wrote to you through the campaign "${title}".`,
    attached: "Their letters are attached as one PDF, one page per letter.",
    inline: "Their letters follow below.",
    byCountry: "Letters by country:",
    totals: (url) => `The campaign's public totals: ${url}`,
    why: "You receive one email a day with every letter in it, instead of one email per letter.",
    letterHeading: (index, count) => `Letter ${index} of ${count}`,
    subjectLine: (subject) => `Subject: ${subject}`,
    days: (first, last) => (first === last ? first : `${first} to ${last}`),
    pack: {
      title: (name) => `Letters to ${name}`,
      period: (days) => `Written ${days}`,
      letters: (count) => `${count} ${plural(count, "letter", "letters")}`,
      byCountry: "By country",
      byDay: "By day",
      none: "No letters in this period.",
    },
  },
  fr: {
    subject: (count, title, days) => `${count} ${plural(count, "lettre", "lettres")} pour vous : ${title} (${days})`,
    greeting: (name) => `À l'attention de ${name},`,
    wrote: (count, countries, days, title) =>
      `${days} : ${count} ${plural(count, "personne", "personnes")} de ${countries} ${plural(countries, "pays", "pays")} vous ${plural(count, "a", "ont")} écrit par la campagne « ${title} ».`,
    attached: "Leurs lettres sont jointes en un seul PDF, une page par lettre.",
    inline: "Leurs lettres suivent ci-dessous.",
    byCountry: "Lettres par pays :",
    totals: (url) => `Les chiffres publics de la campagne : ${url}`,
    why: "Vous recevez un seul courriel par jour contenant toutes les lettres, au lieu d'un courriel par lettre.",
    letterHeading: (index, count) => `Lettre ${index} sur ${count}`,
    subjectLine: (subject) => `Objet : ${subject}`,
    days: (first, last) => (first === last ? `Le ${first}` : `Du ${first} au ${last}`),
    pack: {
      title: (name) => `Lettres à ${name}`,
      period: (days) => `Écrites : ${days}`,
      letters: (count) => `${count} ${plural(count, "lettre", "lettres")}`,
      byCountry: "Par pays",
      byDay: "Par jour",
      none: "Aucune lettre pendant cette période.",
    },
  },
  es: {
    subject: (count, title, days) => `${count} ${plural(count, "carta", "cartas")} para usted: ${title} (${days})`,
    greeting: (name) => `Estimado/a ${name}:`,
    wrote: (count, countries, days, title) =>
      `${days}: ${count} ${plural(count, "persona", "personas")} de ${countries} ${plural(countries, "país", "países")} le ${plural(count, "escribió", "escribieron")} a través de la campaña «${title}».`,
    attached: "Sus cartas van adjuntas en un solo PDF, una página por carta.",
    inline: "Sus cartas siguen a continuación.",
    byCountry: "Cartas por país:",
    totals: (url) => `Las cifras públicas de la campaña: ${url}`,
    why: "Recibe un solo correo al día con todas las cartas, en lugar de un correo por carta.",
    letterHeading: (index, count) => `Carta ${index} de ${count}`,
    subjectLine: (subject) => `Asunto: ${subject}`,
    days: (first, last) => (first === last ? `El ${first}` : `Del ${first} al ${last}`),
    pack: {
      title: (name) => `Cartas a ${name}`,
      period: (days) => `Escritas: ${days}`,
      letters: (count) => `${count} ${plural(count, "carta", "cartas")}`,
      byCountry: "Por país",
      byDay: "Por día",
      none: "No hay cartas en este período.",
    },
  },
  ru: {
    subject: (count, title, days) => `${count} ${ru(count, "письмо", "письма", "писем")} вам: ${title} (${days})`,
    greeting: (name) => `${name}!`,
    wrote: (count, countries, days, title) =>
      `${days}: ${count} ${ru(count, "человек", "человека", "человек")} из ${countries} ${ru(countries, "страны", "стран", "стран")} ${ru(count, "написал(а)", "написали", "написали")} вам в рамках кампании «${title}».`,
    attached: "Их письма приложены одним PDF-файлом, по странице на письмо.",
    inline: "Их письма приведены ниже.",
    byCountry: "Письма по странам:",
    totals: (url) => `Публичные итоги кампании: ${url}`,
    why: "Вы получаете одно письмо в день со всеми письмами вместо отдельного письма на каждое.",
    letterHeading: (index, count) => `Письмо ${index} из ${count}`,
    subjectLine: (subject) => `Тема: ${subject}`,
    days: (first, last) => (first === last ? first : `С ${first} по ${last}`),
    pack: {
      title: (name) => `Письма: ${name}`,
      period: (days) => `Написаны: ${days}`,
      letters: (count) => `${count} ${ru(count, "письмо", "письма", "писем")}`,
      byCountry: "По странам",
      byDay: "По дням",
      none: "За этот период писем нет.",
    },
  },
};

export type TextLanguage = keyof typeof digestTexts;

/** The language of the first letter when we have texts for it, else English. */
export function coverLanguage(letters: readonly { language: string }[]): TextLanguage {
  const first = letters[0]?.language.split("-")[0] ?? "en";
  return first in digestTexts ? (first as TextLanguage) : "en";
}
