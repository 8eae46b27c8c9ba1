// Money in reports: integer minor units of one currency, shown with Intl.NumberFormat (the
// currency's own decimals: 2 for GBP/EUR, 0 for JPY). Browser-safe: the screens use it too.

/** Decimal places of the currency's minor unit, as Intl knows them (2 for GBP, 0 for JPY). */
export function minorDigits(currency: string): number {
  return (
    new Intl.NumberFormat("en", { style: "currency", currency: currency.toUpperCase() }).resolvedOptions()
      .maximumFractionDigits ?? 2
  );
}

/** Minor units → "£1,234.50" (en-GB) in the currency's own format. */
export function formatMoney(amountMinor: number, currency: string, locale = "en-GB"): string {
  return new Intl.NumberFormat(locale, { style: "currency", currency: currency.toUpperCase() }).format(
    amountMinor / 10 ** minorDigits(currency),
  );
}

/** Minor units → a plain decimal string for CSV ("1234.50"; "1200" for JPY). */
export function majorUnits(amountMinor: number, currency: string): string {
  const digits = minorDigits(currency);
  return (amountMinor / 10 ** digits).toFixed(digits);
}

/**
 * A chart axis tick in major units → "£2,300" (whole units, grouped; never "£2.3k", which reads
 * as a rounded guess). Fractions only when a tick is below one unit.
 */
export function formatAxisMoney(major: number, currency: string, locale = "en-GB"): string {
  const whole = Math.abs(major) >= 1 || major === 0;
  return new Intl.NumberFormat(locale, {
    style: "currency",
    currency: currency.toUpperCase(),
    maximumFractionDigits: whole ? 0 : minorDigits(currency),
    minimumFractionDigits: 0,
  }).format(major);
}
