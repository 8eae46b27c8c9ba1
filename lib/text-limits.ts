// The longest text the app stores per field, in UTF-16 code units (what zod's `.max` counts).
// Every name, label and note ends up on screens, in feeds and in exports: a 500 KB customer
// name once rendered 30 MB of HTML. Text typed in the app is refused past its limit (422
// naming the field: the screens' and the API's zod schemas use these numbers); text from
// Stripe is cut at ingest (`truncateText`), never refused — the whole object is still kept in
// the mirror row's `raw` (or the quarantine) as Stripe sent it. docs/STRIPE_FIELDS.md lists them.
// Browser-safe: the forms import it.

export const TEXT_LIMITS = {
  // From Stripe (cut at ingest).
  customerName: 200,
  /** RFC 5321's practical maximum for an address. */
  email: 254,
  phone: 40,
  productName: 200,
  priceNickname: 200,
  /** Product, invoice line and invoice item descriptions. */
  description: 5000,
  // Typed in the app (refused past the limit).
  staffName: 120,
  staffEmail: 200,
  businessName: 120,
  feedLabel: 100,
  bookingTitle: 200,
  statusReason: 200,
  note: 2000,
  serviceCode: 64,
  /** A Stripe id typed or passed as a key (client, subscription). */
  stripeId: 100,
} as const;

/**
 * `text` when it fits in `max` code units, else its first `max - 1` followed by "…" (never
 * splitting a surrogate pair), so a cut text is visibly cut and still fits.
 */
export function truncateText(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}…`;
}

/** `truncateText` for a nullable field. */
export function truncateNullable(text: string | null, max: number): string | null {
  return text === null ? null : truncateText(text, max);
}
