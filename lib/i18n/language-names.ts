// Each language's name in itself, for language links. No dependencies, so
// client components can import it without the locale matcher.
export const languageNames: Record<string, string> = { en: "English", fr: "Français", es: "Español", ru: "Русский" };
