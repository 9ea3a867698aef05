import type { Messages } from "@/lib/i18n/messages";

/** The admin area's texts, handed to its client forms by the page (see lib/i18n/messages.ts). */
export type AdminMessages = Pick<Messages, "admin">;
