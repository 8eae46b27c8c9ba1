// The built-in dog-walking business's price list, used by demo mode, tests and benchmarks.
// Ids are fixed (not generated) so rules, fixtures and docs can name them.
import type Stripe from "stripe";
import { CATALOG_CREATED, decimal } from "@/lib/stripe-fixtures/shapes";

export const CATALOG_CURRENCY = "gbp";

interface PriceSpec {
  id: string;
  lookupKey: string | null;
  nickname: string;
  unitAmount: number;
  recurring: { interval: "week" | "month"; intervalCount: number } | null;
}

interface ProductSpec {
  id: string;
  name: string;
  description: string;
  serviceCode: string | null;
  unitLabel: string | null;
  prices: PriceSpec[];
}

const weekly = { interval: "week", intervalCount: 1 } as const;

const catalogSpec: ProductSpec[] = [
  {
    id: "prod_walk30",
    name: "Dog Walk (30 min)",
    description: "A 30-minute neighbourhood walk.",
    serviceCode: "WALK30",
    unitLabel: "walk",
    prices: [
      {
        id: "price_walk30_weekly",
        lookupKey: "walk30_weekly",
        nickname: "Weekly 30-minute walk",
        unitAmount: 1200,
        recurring: weekly,
      },
      {
        id: "price_walk30_single",
        lookupKey: "walk30_single",
        nickname: "Single 30-minute walk",
        unitAmount: 1500,
        recurring: null,
      },
    ],
  },
  {
    id: "prod_walk60",
    name: "Weekly Walk (1h)",
    description: "An hour-long walk once a week.",
    serviceCode: "WALK60",
    unitLabel: "walk",
    prices: [
      {
        id: "price_walk60_weekly",
        lookupKey: "walk60_weekly",
        nickname: "Weekly 1-hour walk",
        unitAmount: 2000,
        recurring: weekly,
      },
    ],
  },
  {
    id: "prod_walk60_3x",
    name: "Walks 3x/week (1h)",
    description: "Three hour-long walks every week.",
    serviceCode: "WALK60_3X",
    unitLabel: "week",
    prices: [
      {
        id: "price_walk60_3x_weekly",
        lookupKey: "walk60_3x_weekly",
        nickname: "Three 1-hour walks a week",
        unitAmount: 5400,
        recurring: weekly,
      },
    ],
  },
  {
    id: "prod_daycare",
    name: "Doggy Day Care",
    description: "Weekday day care, billed monthly.",
    serviceCode: "DAYCARE",
    unitLabel: null,
    prices: [
      {
        id: "price_daycare_monthly",
        lookupKey: "daycare_monthly",
        nickname: "Day care, monthly",
        unitAmount: 30000,
        recurring: { interval: "month", intervalCount: 1 },
      },
    ],
  },
  {
    id: "prod_puppy",
    name: "Puppy Visit (30 min)",
    description: "A 30-minute home visit for a puppy, every other week.",
    serviceCode: "PUPPY",
    unitLabel: "visit",
    prices: [
      {
        id: "price_puppy_fortnightly",
        lookupKey: "puppy_fortnightly",
        nickname: "Fortnightly puppy visit",
        unitAmount: 1800,
        recurring: { interval: "week", intervalCount: 2 },
      },
    ],
  },
  {
    id: "prod_groom",
    name: "Grooming Session (90 min)",
    description: "Wash, trim and nails.",
    serviceCode: "GROOM",
    unitLabel: "session",
    prices: [
      {
        id: "price_groom_single",
        lookupKey: "groom_single",
        nickname: "Grooming session",
        unitAmount: 4500,
        recurring: null,
      },
    ],
  },
  {
    id: "prod_board",
    name: "Overnight Boarding",
    description: "Overnight stay; quantity is the number of nights.",
    serviceCode: "BOARD",
    unitLabel: "night",
    prices: [
      {
        id: "price_board_night",
        lookupKey: "board_night",
        nickname: "Boarding, per night",
        unitAmount: 4000,
        recurring: null,
      },
    ],
  },
  {
    id: "prod_gift",
    name: "Gift Card",
    description: "A gift card worth £25.",
    serviceCode: null,
    unitLabel: null,
    prices: [
      { id: "price_gift_25", lookupKey: null, nickname: "£25 gift card", unitAmount: 2500, recurring: null },
    ],
  },
];

function productObject(spec: ProductSpec): Stripe.Product {
  return {
    id: spec.id,
    object: "product",
    active: true,
    created: CATALOG_CREATED,
    default_price: spec.prices[0]?.id ?? null,
    description: spec.description,
    images: [],
    livemode: false,
    marketing_features: [],
    metadata: spec.serviceCode ? { service_code: spec.serviceCode } : {},
    name: spec.name,
    package_dimensions: null,
    shippable: null,
    statement_descriptor: null,
    tax_code: null,
    tax_details: null,
    type: "service",
    unit_label: spec.unitLabel,
    updated: CATALOG_CREATED,
    url: null,
  };
}

function priceObject(product: ProductSpec, spec: PriceSpec): Stripe.Price {
  return {
    id: spec.id,
    object: "price",
    active: true,
    billing_scheme: "per_unit",
    created: CATALOG_CREATED,
    currency: CATALOG_CURRENCY,
    custom_unit_amount: null,
    livemode: false,
    lookup_key: spec.lookupKey,
    metadata: {},
    nickname: spec.nickname,
    product: product.id,
    recurring: spec.recurring
      ? {
          interval: spec.recurring.interval,
          interval_count: spec.recurring.intervalCount,
          meter: null,
          trial_period_days: null,
          usage_type: "licensed",
        }
      : null,
    tax_behavior: "unspecified",
    tiers_mode: null,
    transform_quantity: null,
    type: spec.recurring ? "recurring" : "one_time",
    unit_amount: spec.unitAmount,
    unit_amount_decimal: decimal(spec.unitAmount),
  };
}

/** Fresh copies of the catalog's products (every product but the gift card has `metadata.service_code`). */
export function catalogProducts(): Stripe.Product[] {
  return catalogSpec.map(productObject);
}

/** Fresh copies of the catalog's prices, each pointing at its product by id. */
export function catalogPrices(): Stripe.Price[] {
  return catalogSpec.flatMap((product) => product.prices.map((price) => priceObject(product, price)));
}

/** The catalog as shared read-only arrays (do not mutate; call catalogProducts/catalogPrices for copies). */
export const CATALOG_PRODUCTS: readonly Stripe.Product[] = Object.freeze(catalogProducts());
export const CATALOG_PRICES: readonly Stripe.Price[] = Object.freeze(catalogPrices());

/** Price ids by role, so generators and tests never spell them twice. */
export const PRICE_IDS = {
  walk30Weekly: "price_walk30_weekly",
  walk30Single: "price_walk30_single",
  walk60Weekly: "price_walk60_weekly",
  walk60x3Weekly: "price_walk60_3x_weekly",
  daycareMonthly: "price_daycare_monthly",
  puppyFortnightly: "price_puppy_fortnightly",
  groomSingle: "price_groom_single",
  boardNight: "price_board_night",
  gift25: "price_gift_25",
} as const;

/** The price with this id; throws on an id outside the catalog. */
export function catalogPrice(id: string): Stripe.Price {
  const price = CATALOG_PRICES.find((candidate) => candidate.id === id);
  if (!price) throw new Error(`No catalog price ${id}`);
  return price;
}
