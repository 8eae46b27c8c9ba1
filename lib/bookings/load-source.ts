// Reads subscriptions and invoices, with their lines, prices, products and client names, from
// the mirror tables. One statement per table for a whole batch of sources (no N+1): ids go
// in as one JSON array and are unpacked by SQLite's json_each.
import { cachedStatement, fromDb, type Sqlite } from "@/lib/db/sqlite";
import type {
  InvoiceSnapshot,
  LineSnapshot,
  PriceSnapshot,
  ProductSnapshot,
  SourceRef,
  SourceSnapshot,
  SubscriptionSnapshot,
} from "@/lib/bookings/types";

type Ms = number | null;
interface SubscriptionRow {
  stripeId: string;
  clientStripeId: string;
  status: string;
  startDate: number;
  currentPeriodStart: Ms;
  currentPeriodEnd: Ms;
  cancelAtPeriodEnd: number;
  cancelAt: Ms;
  endedAt: Ms;
  pauseBehavior: string | null;
  pauseResumesAt: Ms;
  deleted: number;
}
interface InvoiceRow {
  stripeId: string;
  clientStripeId: string;
  subscriptionStripeId: string | null;
  status: string;
  total: number;
  amountRefunded: number;
  paidAt: Ms;
  paymentFailed: number;
  deleted: number;
  stripeCreated: number;
}
interface LineRow {
  ownerId: string;
  stripeId: string;
  priceStripeId: string | null;
  productStripeId: string | null;
  quantity: number;
  periodStart: Ms;
  periodEnd: Ms;
}
type PriceRow = PriceSnapshot;
interface ProductRow {
  stripeId: string;
  name: string;
  serviceCode: string | null;
  metadata: string;
}
interface ClientRow {
  stripeId: string;
  name: string | null;
  email: string | null;
}

const inList = "(SELECT value FROM json_each(?))";
const sql = {
  subscriptions: `SELECT stripeId, clientStripeId, status, startDate, currentPeriodStart, currentPeriodEnd, cancelAtPeriodEnd,
      cancelAt, endedAt, pauseBehavior, pauseResumesAt, deleted FROM SubscriptionMap WHERE stripeId IN ${inList}`,
  items: `SELECT subscriptionStripeId AS ownerId, stripeId, priceStripeId, productStripeId, quantity,
      currentPeriodStart AS periodStart, currentPeriodEnd AS periodEnd
      FROM SubscriptionItemMap WHERE subscriptionStripeId IN ${inList} ORDER BY stripeId`,
  invoices: `SELECT stripeId, clientStripeId, subscriptionStripeId, status, total, amountRefunded, paidAt, paymentFailed,
      deleted, stripeCreated FROM InvoiceMap WHERE stripeId IN ${inList}`,
  lines: `SELECT invoiceStripeId AS ownerId, stripeId, priceStripeId, productStripeId, quantity, periodStart, periodEnd
      FROM InvoiceLineMap WHERE invoiceStripeId IN ${inList} ORDER BY stripeId`,
  prices: `SELECT stripeId, productStripeId, type, recurringInterval, recurringCount, lookupKey, currency, unitAmount
      FROM Price WHERE stripeId IN ${inList}`,
  products: `SELECT stripeId, name, serviceCode, metadata FROM Product WHERE stripeId IN ${inList}`,
  clients: `SELECT stripeId, name, email FROM Client WHERE stripeId IN ${inList}`,
};

/** Map key of a source: `subscription:sub_123`. */
export function refKey(ref: SourceRef): string {
  return `${ref.kind}:${ref.stripeId}`;
}

function select<T>(db: Sqlite, statement: string, ids: Iterable<string>): T[] {
  const list = [...new Set(ids)];
  return list.length === 0 ? [] : (cachedStatement(db, statement).all(JSON.stringify(list)) as T[]);
}

function parseMetadata(text: string): Record<string, string> {
  try {
    const value: unknown = JSON.parse(text);
    if (!value || typeof value !== "object" || Array.isArray(value)) return {};
    return Object.fromEntries(
      Object.entries(value).filter((e): e is [string, string] => typeof e[1] === "string"),
    );
  } catch {
    return {};
  }
}

function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const group = groups.get(k);
    if (group) group.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}

interface Catalog {
  prices: Map<string, PriceSnapshot>;
  products: Map<string, ProductSnapshot>;
}

function loadCatalog(db: Sqlite, lines: LineRow[]): Catalog {
  const prices = new Map(
    select<PriceRow>(
      db,
      sql.prices,
      lines.flatMap((l) => (l.priceStripeId ? [l.priceStripeId] : [])),
    ).map((p) => [p.stripeId, { ...p }]),
  );
  const productIds = [
    ...lines.flatMap((l) => (l.productStripeId ? [l.productStripeId] : [])),
    ...[...prices.values()].map((p) => p.productStripeId),
  ];
  const products = new Map(
    select<ProductRow>(db, sql.products, productIds).map((p) => [
      p.stripeId,
      { stripeId: p.stripeId, name: p.name, serviceCode: p.serviceCode, metadata: parseMetadata(p.metadata) },
    ]),
  );
  return { prices, products };
}

function toLine(row: LineRow, catalog: Catalog): LineSnapshot {
  const price = row.priceStripeId ? (catalog.prices.get(row.priceStripeId) ?? null) : null;
  const productId = row.productStripeId ?? price?.productStripeId ?? null;
  return {
    stripeId: row.stripeId,
    priceStripeId: row.priceStripeId,
    productStripeId: productId,
    quantity: row.quantity,
    periodStart: fromDb(row.periodStart),
    periodEnd: fromDb(row.periodEnd),
    price,
    product: productId ? (catalog.products.get(productId) ?? null) : null,
  };
}

function toSubscription(
  row: SubscriptionRow,
  lines: LineSnapshot[],
  clientName: string | null,
): SubscriptionSnapshot {
  return {
    kind: "subscription",
    stripeId: row.stripeId,
    clientStripeId: row.clientStripeId,
    clientName,
    deleted: row.deleted === 1,
    lines,
    status: row.status,
    startDate: new Date(row.startDate),
    currentPeriodStart: fromDb(row.currentPeriodStart),
    currentPeriodEnd: fromDb(row.currentPeriodEnd),
    cancelAtPeriodEnd: row.cancelAtPeriodEnd === 1,
    cancelAt: fromDb(row.cancelAt),
    endedAt: fromDb(row.endedAt),
    pauseBehavior: row.pauseBehavior,
    pauseResumesAt: fromDb(row.pauseResumesAt),
  };
}

function toInvoice(row: InvoiceRow, lines: LineSnapshot[], clientName: string | null): InvoiceSnapshot {
  return {
    kind: "invoice",
    stripeId: row.stripeId,
    clientStripeId: row.clientStripeId,
    clientName,
    deleted: row.deleted === 1,
    lines,
    status: row.status,
    subscriptionStripeId: row.subscriptionStripeId,
    total: row.total,
    amountRefunded: row.amountRefunded,
    paidAt: fromDb(row.paidAt),
    paymentFailed: row.paymentFailed === 1,
    stripeCreated: new Date(row.stripeCreated),
  };
}

/** Snapshots of the given sources keyed by refKey; a source with no mirror row is absent from the map. */
export function loadSourceSnapshots(db: Sqlite, refs: SourceRef[]): Map<string, SourceSnapshot> {
  const subIds = refs.filter((r) => r.kind === "subscription").map((r) => r.stripeId);
  const invIds = refs.filter((r) => r.kind === "invoice").map((r) => r.stripeId);
  const subs = select<SubscriptionRow>(db, sql.subscriptions, subIds);
  const invoices = select<InvoiceRow>(db, sql.invoices, invIds);
  const items = select<LineRow>(
    db,
    sql.items,
    subs.map((s) => s.stripeId),
  );
  const lines = select<LineRow>(
    db,
    sql.lines,
    invoices.map((i) => i.stripeId),
  );
  const catalog = loadCatalog(db, [...items, ...lines]);
  const clients = new Map(
    select<ClientRow>(
      db,
      sql.clients,
      [...subs, ...invoices].map((s) => s.clientStripeId),
    ).map((c) => [c.stripeId, c.name ?? c.email]),
  );
  const itemsBySub = groupBy(items, (l) => l.ownerId);
  const linesByInvoice = groupBy(lines, (l) => l.ownerId);
  const result = new Map<string, SourceSnapshot>();
  for (const row of subs) {
    const snapshot = toSubscription(
      row,
      (itemsBySub.get(row.stripeId) ?? []).map((l) => toLine(l, catalog)),
      clients.get(row.clientStripeId) ?? null,
    );
    result.set(refKey(snapshot), snapshot);
  }
  for (const row of invoices) {
    const snapshot = toInvoice(
      row,
      (linesByInvoice.get(row.stripeId) ?? []).map((l) => toLine(l, catalog)),
      clients.get(row.clientStripeId) ?? null,
    );
    result.set(refKey(snapshot), snapshot);
  }
  return result;
}

/** The snapshot of one source, or null when it is not mirrored. */
export function loadSourceSnapshot(db: Sqlite, ref: SourceRef): SourceSnapshot | null {
  return loadSourceSnapshots(db, [ref]).get(refKey(ref)) ?? null;
}

/** Every source that could hold bookings: all subscriptions, one-off invoices, and any source that already has bookings. */
export function listAllSourceRefs(db: Sqlite): SourceRef[] {
  const rows = db
    .prepare(
      `SELECT 'subscription' AS kind, stripeId FROM SubscriptionMap
       UNION SELECT 'invoice', stripeId FROM InvoiceMap WHERE subscriptionStripeId IS NULL
       UNION SELECT DISTINCT sourceKind, sourceId FROM Booking WHERE sourceKind IN ('subscription', 'invoice') AND sourceId IS NOT NULL
       ORDER BY 1, 2`,
    )
    .all() as SourceRef[];
  return rows;
}

/** Sources whose lines currently should produce bookings (live subscriptions, open or paid one-off invoices). */
export function listLiveSourceRefs(db: Sqlite): SourceRef[] {
  return db
    .prepare(
      `SELECT 'subscription' AS kind, stripeId FROM SubscriptionMap
         WHERE deleted = 0 AND status IN ('active', 'trialing', 'past_due')
       UNION ALL SELECT 'invoice', stripeId FROM InvoiceMap
         WHERE deleted = 0 AND subscriptionStripeId IS NULL AND status IN ('open', 'paid')
           AND NOT (total > 0 AND amountRefunded >= total)
       ORDER BY 1, 2`,
    )
    .all() as SourceRef[];
}
