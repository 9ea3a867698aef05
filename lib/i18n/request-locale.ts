import "server-only";
import { headers } from "next/headers";
import { defaultLocale, isInterfaceLocale, type InterfaceLocale } from "./locales";

/** This request's interface language, chosen by proxy.ts (negotiateLocale). */
export async function requestLocale(): Promise<InterfaceLocale> {
  const value = (await headers()).get("x-locale");
  return isInterfaceLocale(value) ? value : defaultLocale;
}

/** The page's address without `lang`, for the language switcher's links. */
export async function requestPathWithoutLang(): Promise<string> {
  return (await headers()).get("x-path-without-lang") ?? "/";
}
