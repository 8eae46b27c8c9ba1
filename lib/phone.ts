// Phone numbers: stored as typed (Stripe's `phone`) and beside it in E.164 for search, read
// with the business's country for numbers typed without a country code. libphonenumber-js with
// its "min" metadata: a number is kept when it is *possible* (its length fits the country's
// plan), which is all search needs; the "max" metadata's type patterns would also refuse numbers
// people really type (Ofcom's 07700 900xxx drama range is not "valid", yet it is a number) and
// cost the same to parse (~10–50 µs, measured; docs/BENCHMARKS.md).
import {
  AsYouType,
  getCountries,
  getCountryCallingCode,
  isSupportedCountry,
  parsePhoneNumberFromString,
  type CountryCode,
} from "libphonenumber-js/min";
import { getCountryForTimezone } from "countries-and-timezones";
import { phoneSearchDigits } from "@/lib/phone-text";

export type { CountryCode };

function supported(country: string | null | undefined): CountryCode | undefined {
  return country && isSupportedCountry(country) ? country : undefined;
}

/**
 * `input` in E.164 ("+447700900457"), reading a number without a country code as one of
 * `defaultCountry`; null when it holds no possible number. Extensions and words around it are dropped.
 */
export function normalisePhone(
  input: string | null | undefined,
  defaultCountry: string | null | undefined,
): string | null {
  if (!input) return null;
  // Extracting (the default): "mob: 07700 900457" and "020 7946 0018 (office)" are numbers too.
  const parsed = parsePhoneNumberFromString(input, { defaultCountry: supported(defaultCountry) });
  return parsed?.isPossible() ? parsed.number : null;
}

/** A number for people: national format in `country` (the business's), international otherwise. */
export function formatPhone(e164: string, country: string | null | undefined): string {
  const parsed = parsePhoneNumberFromString(e164);
  if (!parsed) return e164;
  // By calling code, not parsed.country: the "min" metadata cannot tell GB from Jersey (or
  // place a drama number), and a number of the business's plan is dialled nationally anyway.
  const ours = supported(country);
  return ours && parsed.countryCallingCode === getCountryCallingCode(ours)
    ? parsed.formatNational()
    : parsed.formatInternational();
}

/**
 * The digits a number is typed with, E.164's and the national form's ("447700900457
 * 07700900457"): what a picker that filters in the browser compares a typed number's digits with.
 */
export function phoneDigitForms(e164: string): string {
  const parsed = parsePhoneNumberFromString(e164);
  if (!parsed) return e164.replace(/\D/g, "");
  return `${parsed.number.slice(1)} ${parsed.formatNational().replace(/\D/g, "")}`;
}

const zoneCountries = new Map<string, CountryCode | null>();

/** The country of an IANA time zone (Europe/London → GB); null for zones of no country (UTC). */
export function countryOfTimeZone(zone: string): CountryCode | null {
  let country = zoneCountries.get(zone);
  if (country === undefined) {
    country = supported(getCountryForTimezone(zone)?.id) ?? null;
    zoneCountries.set(zone, country);
  }
  return country;
}

/** The business's phone country: the setting, else the country of its time zone. */
export function phoneCountryOf(settings: {
  phoneCountry: string | null;
  timeZone: string;
}): CountryCode | null {
  return supported(settings.phoneCountry) ?? countryOfTimeZone(settings.timeZone);
}

/** Countries numbers can be read for, with their names in English, sorted by name. */
export function phoneCountryOptions(locale = "en-GB"): { code: CountryCode; name: string }[] {
  const names = new Intl.DisplayNames([locale], { type: "region", fallback: "code" });
  return getCountries()
    .map((code) => ({ code, name: names.of(code) ?? code }))
    .sort((a, b) => a.name.localeCompare(b.name, locale));
}

/** How a search text matches stored E.164 numbers (both are LIKE/`contains` operands without wildcards). */
export interface PhoneSearch {
  /** The text read as the start of a number (trunk 0 or country code included): E.164 begins with it. */
  prefix: string;
  /** The text's digits: E.164 contains them (a number's middle or end, e.g. "900457"). */
  digits: string;
}

/**
 * A search text that looks like (part of) a phone number (lib/phone-text.ts: only a number's
 * characters, at least 6 digits). Null for anything else, which is searched as text only.
 */
export function phoneSearchOf(query: string, defaultCountry: string | null | undefined): PhoneSearch | null {
  const digits = phoneSearchDigits(query);
  if (digits === null) return null;
  const text = query.trim();
  // Read as typed so far, whole or not ("07700 9004" → "+4477009004"); "00" dials abroad. Not
  // normalisePhone: it keeps the trunk 0 of a number too short without it ("+44077009004").
  const typing = new AsYouType(supported(defaultCountry));
  typing.input(text.replace(/^00/, "+"));
  return { prefix: typing.getNumberValue() ?? `+${digits}`, digits };
}
