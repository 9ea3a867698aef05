import { z } from "zod";

/** The delete-my-data form: the signed token from the email link, and the page language. */
export const deletionRequestSchema = z.object({
  token: z.string().min(1, "The link is incomplete.").max(500, "The link is too long."),
  lang: z
    .string()
    .regex(/^[a-z]{2,3}$/)
    .optional()
    .catch(undefined),
});
