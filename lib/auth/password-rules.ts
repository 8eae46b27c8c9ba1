// The password rule beyond length: not one of the ~49,000 most common passwords (the list
// zxcvbn-ts ships, read offline from the package), compared without case. Every place that
// sets a password goes through lib/auth/users.ts, whose schema applies it.
import { dictionary } from "@zxcvbn-ts/language-common";

export const COMMON_PASSWORD_MESSAGE =
  "is one of the most common passwords (easily guessed); choose another, e.g. three unrelated words";

let common: Set<string> | undefined;

/** True when the password (ignoring case) is on the common-password list. */
export function isCommonPassword(password: string): boolean {
  common ??= new Set(dictionary["passwords-common"].map((entry) => entry.toLowerCase()));
  return common.has(password.toLowerCase());
}
