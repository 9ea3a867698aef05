// Staff sign-in and account forms, shared by the forms, the server actions
// and the admin:create command.
import { z } from "zod";
import { isPlainMailAddress } from "@/lib/core/mail-address";
import { passwordLength, passwordProblem } from "./password";

export const staffRoles = ["staff", "admin"] as const;
export type StaffRole = (typeof staffRoles)[number];

const email = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email("Enter a valid email address."))
  .refine(isPlainMailAddress, "Enter a valid email address.");

export const signInSchema = z.object({
  email,
  password: z.string().min(1, "Enter your password.").max(passwordLength.max),
});

export const totpSchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, "Enter the 6-digit code from your authenticator app."),
});

export const newPasswordSchema = z.string().superRefine((password, ctx) => {
  const problem = passwordProblem(password);
  if (problem) ctx.addIssue({ code: "custom", message: problem });
});

export const newStaffSchema = z
  .object({
    email,
    name: z.string().trim().min(1, "Enter a name.").max(200),
    role: z.enum(staffRoles),
    password: newPasswordSchema,
  })
  .superRefine((value, ctx) => {
    const problem = passwordProblem(value.password, value.email);
    if (problem) ctx.addIssue({ code: "custom", path: ["password"], message: problem });
  });
