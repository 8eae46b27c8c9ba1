// Phone numbers read the way people write them: every notation of one number normalises to the
// same E.164, junk to null; search texts that look like numbers become prefix/digit matches.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { getExampleNumber, parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js/min";
import examples from "libphonenumber-js/mobile/examples";
import {
  countryOfTimeZone,
  formatPhone,
  normalisePhone,
  phoneCountryOf,
  phoneCountryOptions,
  phoneSearchOf,
} from "@/lib/phone";

const COUNTRIES: CountryCode[] = ["GB", "US", "DE", "FR", "AU", "IE", "NL", "ES", "IT", "CA", "NZ", "IN"];

/** A random mobile number of `country`: its example number with the last four digits replaced. */
const numberOf = (country: CountryCode) =>
  fc.integer({ min: 0, max: 9999 }).map((tail) => {
    const example = getExampleNumber(country, examples);
    if (!example) throw new Error(`no example number for ${country}`);
    const nsn = `${example.nationalNumber.slice(0, -4)}${String(tail).padStart(4, "0")}`;
    return {
      country,
      callingCode: example.countryCallingCode,
      nsn,
      e164: `+${example.countryCallingCode}${nsn}`,
    };
  });

const anyNumber = fc.constantFrom(...COUNTRIES).chain(numberOf);
const separator = fc.constantFrom(" ", "-", ".", "", " - ");

/** `digits` cut into random groups joined by random separators ("7700 900-457"). */
const grouped = (digits: string) =>
  fc
    .array(fc.tuple(fc.integer({ min: 1, max: 4 }), separator), { minLength: 1, maxLength: 8 })
    .map((cuts) => {
      let out = "";
      let at = 0;
      for (const [size, sep] of cuts) {
        if (at >= digits.length) break;
        out += digits.slice(at, at + size) + (at + size < digits.length ? sep : "");
        at += size;
      }
      return out + digits.slice(at);
    });

describe("normalisePhone", () => {
  it("national, international, E.164 and spaced/dashed forms of one number give the same E.164", () => {
    fc.assert(
      fc.property(
        anyNumber.chain((n) => {
          // How the country itself writes it (trunk prefix, groups, brackets): "07700 900457".
          const national = parsePhoneNumberFromString(n.e164)?.formatNational() ?? n.nsn;
          return fc.record({
            n: fc.constant(n),
            forms: fc.tuple(
              fc.constant(n.e164),
              grouped(n.nsn).map((g) => `+${n.callingCode} ${g}`),
              grouped(n.nsn).map((g) => `+${n.callingCode}${g}`),
              grouped(national.replace(/\D/g, "")),
              fc.constant(national),
              separator.map((sep) => national.replace(/ /g, sep)),
            ),
          });
        }),
        ({ n, forms }) => {
          for (const form of forms) expect(normalisePhone(form, n.country), form).toBe(n.e164);
          // Written with its country code, the business's country does not matter.
          expect(normalisePhone(forms[1], n.country === "GB" ? "US" : "GB")).toBe(n.e164);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("the UK caller-id forms of one number all give +447700900457", () => {
    for (const form of [
      "07700 900457",
      "+44 7700 900457",
      "07700900457",
      "+447700900457",
      "07700-900-457",
      "0044 7700 900457",
      "(07700) 900 457",
      "mob: 07700 900457",
      "07700 900457 (evenings)",
    ])
      expect(normalisePhone(form, "GB"), form).toBe("+447700900457");
  });

  it("junk, too short and too long give null", () => {
    const junk = fc.oneof(
      fc.string({ unit: fc.constantFrom(..."abcdefghij xyz!?@#") }),
      fc.integer({ min: 0, max: 999 }).map(String),
      fc.stringMatching(/^\+?\d{18,24}$/),
      fc.constant(""),
      fc.constant("+"),
    );
    fc.assert(
      fc.property(junk, fc.constantFrom(...COUNTRIES, null), (text, country) => {
        expect(normalisePhone(text, country)).toBeNull();
      }),
    );
    expect(normalisePhone(null, "GB")).toBeNull();
  });

  it("without a country (a zone of none) only numbers with a country code are read", () => {
    expect(normalisePhone("07700 900457", null)).toBeNull();
    expect(normalisePhone("+44 7700 900457", null)).toBe("+447700900457");
  });
});

describe("formatPhone and the business's country", () => {
  it("national in the business's country, international elsewhere", () => {
    expect(formatPhone("+447700900457", "GB")).toBe("07700 900457");
    expect(formatPhone("+447700900457", "US")).toBe("+44 7700 900457");
    expect(formatPhone("+12125551234", "US")).toBe("(212) 555-1234");
  });

  it("the setting wins; else the time zone's country; a zone of no country has none", () => {
    expect(phoneCountryOf({ phoneCountry: null, timeZone: "Europe/London" })).toBe("GB");
    expect(phoneCountryOf({ phoneCountry: null, timeZone: "America/Chicago" })).toBe("US");
    expect(phoneCountryOf({ phoneCountry: "IE", timeZone: "Europe/London" })).toBe("IE");
    expect(countryOfTimeZone("UTC")).toBeNull();
  });

  it("offers the supported countries by name", () => {
    const options = phoneCountryOptions();
    expect(options.find((o) => o.code === "GB")?.name).toBe("United Kingdom");
    expect(options.length).toBeGreaterThan(200);
    expect(options.map((o) => o.name)).toEqual(
      [...options.map((o) => o.name)].sort((a, b) => a.localeCompare(b, "en-GB")),
    );
  });
});

describe("phoneSearchOf", () => {
  it("reads whole and partial numbers; leaves names, emails and short numbers to the text search", () => {
    expect(phoneSearchOf("07700 900457", "GB")).toEqual({ prefix: "+447700900457", digits: "07700900457" });
    expect(phoneSearchOf("07700 9004", "GB")).toEqual({ prefix: "+4477009004", digits: "077009004" });
    expect(phoneSearchOf("900457", "GB")?.digits).toBe("900457");
    for (const form of ["+44 7700 900457", "07700-900-457", "(07700) 900 457", "0044 7700 900457"])
      expect(phoneSearchOf(form, "GB")?.prefix, form).toBe("+447700900457");
    expect(phoneSearchOf("Jane Doe", "GB")).toBeNull();
    expect(phoneSearchOf("jane@example.com", "GB")).toBeNull();
    expect(phoneSearchOf("12345", "GB")).toBeNull();
  });
});
