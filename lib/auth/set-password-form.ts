// The forms of walker accounts, browser-safe (zod only): adding an account on the staff page and
// choosing a password on a set-password link. The forms validate with them before sending and
// the routes parse the same schemas, so the server's errors name the same fields. The server
// adds the one rule the browser does not load: the common-password list (lib/auth/users.ts).
import { z } from "zod";

export const MIN_PASSWORD_LENGTH = 8;
export const MAX_PASSWORD_LENGTH = 128;
export const ACCOUNT_ROLES = ["owner", "staff"] as const;

const email = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: "must be an email address" }).max(320, "at most 320 characters"));

/** Add an account: a staff account may be linked to a walker; an owner account never is. */
export const accountFormSchema = z
  .strictObject({
    email,
    name: z
      .string()
      .trim()
      .max(100, "at most 100 characters")
      .transform((v) => (v === "" ? undefined : v))
      .optional(),
    role: z.enum(ACCOUNT_ROLES, { error: "must be owner or staff" }),
    staffId: z.number().int().positive().nullable().optional(),
  })
  .refine((form) => form.role === "staff" || form.staffId == null, {
    path: ["staffId"],
    message: "only staff accounts are linked to a walker",
  });
export type AccountForm = z.input<typeof accountFormSchema>;

export const passwordSchema = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `must be at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(MAX_PASSWORD_LENGTH, `must be at most ${MAX_PASSWORD_LENGTH} characters`);

/** A set-password link's token: 32 random bytes, base64url (43 characters). */
export const linkTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/, "not a set-password link");

/** The set-password page's form: the new password twice. */
export const setPasswordFormSchema = z
  .strictObject({ token: linkTokenSchema, password: passwordSchema, confirm: z.string() })
  .refine((form) => form.password === form.confirm, {
    path: ["confirm"],
    message: "does not match the password above",
  });
export type SetPasswordForm = z.input<typeof setPasswordFormSchema>;
