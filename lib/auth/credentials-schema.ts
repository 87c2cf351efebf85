import { z } from "zod";
import { isCommonPassword } from "./common-passwords";

/** Shared by sign-up, password change and the CLI, so the rules are the same everywhere. */
export const ZEmail = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: "enter a valid email address" }).max(254, "the email address is too long"));

export const ZNewPassword = z
  .string()
  .min(8, "the password must have at least 8 characters")
  .max(200, "the password must have at most 200 characters")
  .refine((password) => !isCommonPassword(password), "this password is too common; choose one that is harder to guess");

export const ZDisplayName = z.string().trim().min(1, "the name cannot be empty").max(100, "the name is too long");

export const ZSignUp = z.object({
  email: ZEmail,
  password: ZNewPassword,
  name: ZDisplayName.optional(),
});
export type SignUp = z.infer<typeof ZSignUp>;
