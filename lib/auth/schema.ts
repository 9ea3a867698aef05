// Staff sign-in and account forms, shared by the forms, the server actions
// and the admin:create command. Each message is a problem of the "staffFormErrors"
// catalogue (messages/staff/*.json).
import { z } from "zod";
import { isPlainMailAddress } from "@/lib/core/mail-address";
import { staffRoles } from "@/lib/core/vocabulary";
import type { Problem } from "@/lib/core/errors";
import { schemaMessage, type ProblemCode } from "@/lib/i18n/messages";
import { passwordIssue, passwordLength } from "./password";

export { staffRoles, type StaffRole } from "@/lib/core/vocabulary";

/** A message of the "staffFormErrors" catalogue (its English sentence, registered with the problem). */
const say = (code: ProblemCode<"staffFormErrors">, values?: Problem["values"]) =>
  schemaMessage("staffFormErrors", code, values);

const email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email(say("emailInvalid")))
  .refine(isPlainMailAddress, say("emailInvalid"));

export const signInSchema = z.object({
  email,
  password: z.string().min(1, say("passwordMissing")).max(passwordLength.max),
});

export const totpSchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, say("codeInvalid")),
});

export const newPasswordSchema = z.string().superRefine((password, ctx) => {
  const problem = passwordIssue(password);
  if (problem) ctx.addIssue({ code: "custom", message: say(problem.code, problem.values) });
});

export const newStaffSchema = z
  .object({
    email,
    name: z.string().trim().min(1, say("nameMissing")).max(200),
    role: z.enum(staffRoles),
    password: newPasswordSchema,
  })
  .superRefine((value, ctx) => {
    const problem = passwordIssue(value.password, value.email);
    if (problem) ctx.addIssue({ code: "custom", path: ["password"], message: say(problem.code, problem.values) });
  });
