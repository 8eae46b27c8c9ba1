// What every generator step shares: the PRNG, the reference time, id counters and the catalog.
import type Stripe from "stripe";
import type { Rng } from "@/lib/stripe-fixtures/random";
import { pad } from "@/lib/stripe-fixtures/shapes";

export type IdPrefix = "cus" | "sub" | "si" | "in" | "il" | "ii";

export interface GenContext {
  rng: Rng;
  /** The reference time, epoch seconds. */
  now: number;
  nextId(prefix: IdPrefix): string;
  price(id: string): Stripe.Price;
  productName(id: string): string;
}

/** A context over `prices`/`products`; ids are `<prefix>_<8-digit sequence>`, unique per prefix. */
export function createContext(
  rng: Rng,
  now: number,
  products: readonly Stripe.Product[],
  prices: readonly Stripe.Price[],
): GenContext {
  const counters = new Map<IdPrefix, number>();
  const priceById = new Map(prices.map((price) => [price.id, price]));
  const nameById = new Map(products.map((product) => [product.id, product.name]));
  return {
    rng,
    now,
    nextId(prefix) {
      const n = (counters.get(prefix) ?? 0) + 1;
      counters.set(prefix, n);
      return `${prefix}_${pad(n)}`;
    },
    price(id) {
      const price = priceById.get(id);
      if (!price) throw new Error(`Unknown price ${id}`);
      return price;
    },
    productName(id) {
      return nameById.get(id) ?? id;
    },
  };
}

export function productId(price: Stripe.Price): string {
  return typeof price.product === "string" ? price.product : price.product.id;
}

/** "£12.00": how Stripe spells amounts in line descriptions. */
export function money(amount: number): string {
  return `£${(amount / 100).toFixed(2)}`;
}
