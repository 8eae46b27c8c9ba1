// When a search text is (part of) a phone number: browser-safe (no numbering-plan metadata), so
// the pickers that filter in the browser decide as the server does (lib/phone.ts).

/** Characters a phone number is written with; anything else makes a search text not a number. */
const PHONE_TEXT = /^[\d\s+\-.()/]+$/;
/** Fewer digits than this is not looked up as (part of) a phone number: too many would match. */
export const MIN_PHONE_SEARCH_DIGITS = 6;

/** The digits of a search text that looks like (part of) a phone number, else null. */
export function phoneSearchDigits(query: string): string | null {
  const text = query.trim();
  if (!PHONE_TEXT.test(text)) return null;
  const digits = text.replace(/\D/g, "");
  return digits.length >= MIN_PHONE_SEARCH_DIGITS ? digits : null;
}
