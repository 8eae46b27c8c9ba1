// The codes of phone sign-in (RFC 8628 §6.1): a high-entropy device code the phone keeps, and a
// short user code a person reads or types ("WDJB-MJHT": 8 letters from 20 consonants, no
// vowels so no words, no look-alikes, ~34 bits). Both are stored only as SHA-256 hashes. The
// user code is guessable by volume alone, so failed tries are limited per caller and overall.
import { createHash, randomBytes, randomInt } from "node:crypto";

export const DEVICE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";
/** Our extension grant (RFC 6749 §4.5): a pairing code made on a signed-in screen. */
export const PAIRING_GRANT = "urn:stripe-bookings:params:oauth:grant-type:pairing_code";
export const USER_CODE_ALPHABET = "BCDFGHJKLMNPQRSTVWXZ";
const USER_CODE_LENGTH = 8;

export const sha256 = (value: string): string => createHash("sha256").update(value).digest("hex");

export const newDeviceCode = (): string => randomBytes(32).toString("base64url");

export function newUserCode(): string {
  let code = "";
  for (let i = 0; i < USER_CODE_LENGTH; i++) code += USER_CODE_ALPHABET[randomInt(USER_CODE_ALPHABET.length)];
  return code;
}

/** "WDJBMJHT" → "WDJB-MJHT", as shown to people. */
export const formatUserCode = (code: string): string => `${code.slice(0, 4)}-${code.slice(4)}`;

/**
 * A code as typed ("wdjb mjht", "WDJB-MJHT") in its stored form, or null when it cannot be one
 * (so a malformed guess costs no database read, but still counts as a failed try).
 */
export function normaliseUserCode(input: string): string | null {
  const code = input.toUpperCase().replace(/[\s-]/g, "");
  if (code.length !== USER_CODE_LENGTH) return null;
  for (const char of code) if (!USER_CODE_ALPHABET.includes(char)) return null;
  return code;
}

// Failed tries in the last minute, per key (in memory: one server process; a restart forgets
// them, which at most grants one more minute of tries).
const WINDOW_MS = 60_000;
const failures: Map<string, number[]> = ((
  globalThis as { deviceCodeFailures?: Map<string, number[]> }
).deviceCodeFailures ??= new Map());

function recent(key: string, nowMs: number): number[] {
  const list = (failures.get(key) ?? []).filter((at) => nowMs - at < WINDOW_MS);
  if (list.length === 0) failures.delete(key);
  else failures.set(key, list);
  return list;
}

/** Seconds until `key` may try again (0: it may now), with at most `max` failures a minute. */
export function retryAfterFailures(key: string, max: number, now: Date): number {
  const list = recent(key, now.getTime());
  if (list.length < max) return 0;
  const oldest = list[list.length - max]!;
  return Math.max(1, Math.ceil((oldest + WINDOW_MS - now.getTime()) / 1000));
}

export function recordFailure(key: string, now: Date): void {
  if (failures.size > 10_000) failures.clear();
  failures.set(key, [...recent(key, now.getTime()), now.getTime()]);
}

/** Tests start from a clean slate. */
export const resetFailuresForTests = (): void => failures.clear();
