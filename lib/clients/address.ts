// A client's postal address: Stripe's (the customer's `address`, else `shipping.address`, read
// from the mirror row's raw JSON) unless the business keeps its own (ClientProfile.addressOverride,
// which a sync never writes). The map link opens the phone's own maps app; the server fetches
// nothing. Browser-safe (the edit form parses with the same schema).
import { z } from "zod";

export interface PostalAddress {
  line1: string | null;
  line2: string | null;
  city: string | null;
  postalCode: string | null;
  state: string | null;
  country: string | null;
}

const part = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `must be at most ${max} characters`)
    .nullable()
    .optional()
    .transform((value) => (value ? value : null));

/** What the owner types (and PATCH /api/v1/clients/{id}/file takes); empty parts become null. */
export const addressInputSchema = z
  .object({
    line1: part(200),
    line2: part(200),
    city: part(100),
    postalCode: part(20),
    state: part(100),
    country: part(2).refine((value) => value === null || /^[A-Za-z]{2}$/.test(value), {
      message: "must be a two-letter country code",
    }),
  })
  .transform((address) => ({ ...address, country: address.country?.toUpperCase() ?? null }))
  .refine((address) => Object.values(address).some((value) => value !== null), {
    message: "give at least one part of the address, or null to use Stripe's",
  });
export type AddressInput = z.input<typeof addressInputSchema>;

const stripeAddressSchema = z
  .object({
    line1: z.string().nullish(),
    line2: z.string().nullish(),
    city: z.string().nullish(),
    postal_code: z.string().nullish(),
    state: z.string().nullish(),
    country: z.string().nullish(),
  })
  .loose();

function fromStripeShape(value: unknown): PostalAddress | null {
  const parsed = stripeAddressSchema.safeParse(value);
  if (!parsed.success) return null;
  const clean = (text: string | null | undefined) => (text && text.trim() ? text.trim() : null);
  const address: PostalAddress = {
    line1: clean(parsed.data.line1),
    line2: clean(parsed.data.line2),
    city: clean(parsed.data.city),
    postalCode: clean(parsed.data.postal_code),
    state: clean(parsed.data.state),
    country: clean(parsed.data.country),
  };
  return Object.values(address).some((v) => v !== null) ? address : null;
}

/** The stored JSON of an override (Stripe's key names, as the schema comment says). */
export function overrideJson(address: PostalAddress): string {
  return JSON.stringify({
    line1: address.line1,
    line2: address.line2,
    city: address.city,
    postal_code: address.postalCode,
    state: address.state,
    country: address.country,
  });
}

function parseJson(text: string | null | undefined): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/** Stripe's address of a customer (raw JSON): `address`, else `shipping.address`. */
export function stripeAddress(raw: string): PostalAddress | null {
  const customer = parseJson(raw) as { address?: unknown; shipping?: { address?: unknown } | null } | null;
  if (!customer || typeof customer !== "object") return null;
  return fromStripeShape(customer.address) ?? fromStripeShape(customer.shipping?.address);
}

/** The address shown: the local override when set (a sync never undoes it), else Stripe's. */
export function effectiveAddress(
  raw: string,
  override: string | null | undefined,
): { address: PostalAddress | null; source: "local" | "stripe" | null } {
  const local = fromStripeShape(parseJson(override));
  if (local) return { address: local, source: "local" };
  const stripe = stripeAddress(raw);
  return stripe ? { address: stripe, source: "stripe" } : { address: null, source: null };
}

/** One line as people write it: "12 Oak Road, Flat 2, Leeds LS6 2AB, GB". */
export function addressText(address: PostalAddress): string {
  const place = [address.city, address.state, address.postalCode].filter(Boolean).join(" ");
  return [address.line1, address.line2, place, address.country].filter(Boolean).join(", ");
}

/**
 * Google Maps' documented cross-platform search URL (`api=1`): on Android and iOS it opens the
 * Maps app when installed (an App Link / universal link), elsewhere the map in the browser —
 * one link that works on every phone. A `geo:` URI (`geoUri`) opens any maps app on Android
 * but nothing on iOS, so it is offered beside it, not instead.
 */
export function mapUrl(address: PostalAddress): string {
  return `https://www.google.com/maps/search/?api=1&query=${encodeURIComponent(addressText(address))}`;
}

/** RFC 5870 `geo:` with a query (Android's maps apps); no coordinates are looked up. */
export function geoUri(address: PostalAddress): string {
  return `geo:0,0?q=${encodeURIComponent(addressText(address))}`;
}
