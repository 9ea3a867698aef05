// Staff sign-in and account forms, shared by the forms, the server actions
// and the admin:create command. Messages are codes of the "staffFormErrors"
// catalogue (messages/staff/*.json).
import { z } from "zod";
import { isPlainMailAddress } from "@/lib/core/mail-address";
import { staffRoles } from "@/lib/core/vocabulary";
import { passwordIssue, passwordLength } from "./password";

export { staffRoles, type StaffRole } from "@/lib/core/vocabulary";

const email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email("emailInvalid"))
  .refine(isPlainMailAddress, "emailInvalid");

export const signInSchema = z.object({
  email,
  password: z.string().min(1, "passwordMissing").max(passwordLength.max),
});

export const totpSchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, "codeInvalid"),
});

export const newPasswordSchema = z.string().superRefine((password, ctx) => {
  const problem = passwordIssue(password);
  if (problem) ctx.addIssue({ code: "custom", message: problem.code, params: problem.values });
});

export const newStaffSchema = z
  .object({
    email,
    name: z.string().trim().min(1, "nameMissing").max(200),
    role: z.enum(staffRoles),
    password: newPasswordSchema,
  })
  .superRefine((value, ctx) => {
    const problem = passwordIssue(value.password, value.email);
    if (problem) ctx.addIssue({ code: "custom", path: ["password"], message: problem.code, params: problem.values });
  });
