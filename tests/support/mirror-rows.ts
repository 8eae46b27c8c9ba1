// Writes Stripe mirror rows with raw SQL, the way ingest stores them: a state only replaces
// the stored one when its `sourceAt` is newer, and owned lines are replaced with their owner.
import type { Sqlite } from "@/lib/db/sqlite";

const ms = (date: Date | null | undefined): number | null => (date ? date.getTime() : null);
const mirror = (at: number) => ({
  raw: "{}",
  contentHash: `h${at}`,
  stripeCreated: at,
  sourceAt: at,
  appliedAt: at,
});

export function insertClient(
  db: Sqlite,
  client: { stripeId: string; name?: string | null; email?: string | null },
): void {
  db.prepare(
    `INSERT INTO Client (stripeId, name, email, raw, contentHash, stripeCreated, sourceAt, appliedAt)
     VALUES (@stripeId, @name, @email, @raw, @contentHash, @stripeCreated, @sourceAt, @appliedAt)`,
  ).run({ name: null, email: null, ...client, ...mirror(0) });
}

export function insertProduct(
  db: Sqlite,
  product: { stripeId: string; name: string; serviceCode?: string | null; metadata?: Record<string, string> },
): void {
  const metadata = {
    ...(product.serviceCode ? { service_code: product.serviceCode } : {}),
    ...product.metadata,
  };
  db.prepare(
    `INSERT INTO Product (stripeId, name, active, serviceCode, metadata, raw, contentHash, stripeCreated, sourceAt, appliedAt)
     VALUES (@stripeId, @name, 1, @serviceCode, @metadata, @raw, @contentHash, @stripeCreated, @sourceAt, @appliedAt)`,
  ).run({
    ...mirror(0),
    stripeId: product.stripeId,
    name: product.name,
    serviceCode: product.serviceCode ?? null,
    metadata: JSON.stringify(metadata),
  });
}

export interface PriceRowInput {
  stripeId: string;
  productStripeId: string;
  type?: "one_time" | "recurring";
  recurringInterval?: "day" | "week" | "month" | "year" | null;
  recurringCount?: number | null;
  lookupKey?: string | null;
  currency?: string;
  unitAmount?: number;
}

export function insertPrice(db: Sqlite, price: PriceRowInput): void {
  db.prepare(
    `INSERT INTO Price (stripeId, productStripeId, active, currency, unitAmount, type, recurringInterval, recurringCount,
       lookupKey, raw, contentHash, stripeCreated, sourceAt, appliedAt)
     VALUES (@stripeId, @productStripeId, 1, @currency, @unitAmount, @type, @recurringInterval, @recurringCount,
       @lookupKey, @raw, @contentHash, @stripeCreated, @sourceAt, @appliedAt)`,
  ).run({
    type: price.recurringInterval ? "recurring" : "one_time",
    recurringInterval: null,
    recurringCount: null,
    lookupKey: null,
    currency: "gbp",
    unitAmount: 2000,
    ...price,
    ...mirror(0),
  });
}

export function insertStaff(db: Sqlite, name: string): number {
  return Number(db.prepare("INSERT INTO Staff (name, createdAt) VALUES (?, 0)").run(name).lastInsertRowid);
}

export interface ItemState {
  stripeId: string;
  priceStripeId: string;
  productStripeId: string;
  quantity?: number;
  currentPeriodStart?: Date | null;
  currentPeriodEnd?: Date | null;
}

export interface SubscriptionState {
  stripeId: string;
  clientStripeId: string;
  status: string;
  startDate: Date;
  sourceAt: Date;
  currentPeriodStart?: Date | null;
  currentPeriodEnd?: Date | null;
  cancelAtPeriodEnd?: boolean;
  cancelAt?: Date | null;
  canceledAt?: Date | null;
  endedAt?: Date | null;
  pauseBehavior?: string | null;
  pauseResumesAt?: Date | null;
  deleted?: boolean;
  items: ItemState[];
}

/** Upserts a subscription and replaces its items, unless the stored state is newer; true when applied. */
export function writeSubscription(db: Sqlite, s: SubscriptionState): boolean {
  return db.transaction(() => {
    const at = s.sourceAt.getTime();
    const result = db
      .prepare(
        `INSERT INTO SubscriptionMap (stripeId, clientStripeId, status, currency, startDate, currentPeriodStart, currentPeriodEnd,
           cancelAtPeriodEnd, cancelAt, canceledAt, endedAt, pauseBehavior, pauseResumesAt, deleted, raw, contentHash,
           stripeCreated, sourceAt, appliedAt)
         VALUES (@stripeId, @clientStripeId, @status, 'gbp', @startDate, @cps, @cpe, @cape, @cancelAt, @canceledAt, @endedAt,
           @pauseBehavior, @pauseResumesAt, @deleted, '{}', @hash, @startDate, @at, @at)
         ON CONFLICT(stripeId) DO UPDATE SET status=excluded.status, startDate=excluded.startDate,
           currentPeriodStart=excluded.currentPeriodStart, currentPeriodEnd=excluded.currentPeriodEnd,
           cancelAtPeriodEnd=excluded.cancelAtPeriodEnd, cancelAt=excluded.cancelAt, canceledAt=excluded.canceledAt,
           endedAt=excluded.endedAt, pauseBehavior=excluded.pauseBehavior, pauseResumesAt=excluded.pauseResumesAt,
           deleted=excluded.deleted, contentHash=excluded.contentHash, sourceAt=excluded.sourceAt, appliedAt=excluded.appliedAt
         WHERE excluded.sourceAt > SubscriptionMap.sourceAt`,
      )
      .run({
        stripeId: s.stripeId,
        clientStripeId: s.clientStripeId,
        status: s.status,
        startDate: ms(s.startDate),
        cps: ms(s.currentPeriodStart),
        cpe: ms(s.currentPeriodEnd),
        cape: s.cancelAtPeriodEnd ? 1 : 0,
        cancelAt: ms(s.cancelAt),
        canceledAt: ms(s.canceledAt),
        endedAt: ms(s.endedAt),
        pauseBehavior: s.pauseBehavior ?? null,
        pauseResumesAt: ms(s.pauseResumesAt),
        deleted: s.deleted ? 1 : 0,
        hash: `h${at}`,
        at,
      });
    if (result.changes === 0) return false;
    db.prepare("DELETE FROM SubscriptionItemMap WHERE subscriptionStripeId = ?").run(s.stripeId);
    const insert = db.prepare(
      `INSERT INTO SubscriptionItemMap (stripeId, subscriptionStripeId, priceStripeId, productStripeId, quantity,
         currentPeriodStart, currentPeriodEnd, stripeCreated) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const item of s.items) {
      insert.run(
        item.stripeId,
        s.stripeId,
        item.priceStripeId,
        item.productStripeId,
        item.quantity ?? 1,
        ms(item.currentPeriodStart ?? s.currentPeriodStart),
        ms(item.currentPeriodEnd ?? s.currentPeriodEnd),
        at,
      );
    }
    return true;
  })();
}

export interface LineState {
  stripeId: string;
  priceStripeId?: string | null;
  productStripeId?: string | null;
  quantity?: number;
  amount?: number;
  periodStart?: Date | null;
  periodEnd?: Date | null;
}

export interface InvoiceState {
  stripeId: string;
  clientStripeId: string;
  status: "draft" | "open" | "paid" | "uncollectible" | "void";
  sourceAt: Date;
  created: Date;
  subscriptionStripeId?: string | null;
  total?: number;
  amountRefunded?: number;
  paidAt?: Date | null;
  paymentFailed?: boolean;
  deleted?: boolean;
  lines: LineState[];
}

/** Upserts an invoice and replaces its lines, unless the stored state is newer; true when applied. */
export function writeInvoice(db: Sqlite, inv: InvoiceState): boolean {
  return db.transaction(() => {
    const at = inv.sourceAt.getTime();
    const total = inv.total ?? 5000;
    const paid = inv.status === "paid" ? total : 0;
    const result = db
      .prepare(
        `INSERT INTO InvoiceMap (stripeId, clientStripeId, subscriptionStripeId, status, currency, total, amountPaid,
           amountRemaining, amountRefunded, paidAt, paymentFailed, deleted, raw, contentHash, stripeCreated, sourceAt, appliedAt)
         VALUES (@stripeId, @clientStripeId, @sub, @status, 'gbp', @total, @paid, @remaining, @refunded, @paidAt, @failed,
           @deleted, '{}', @hash, @created, @at, @at)
         ON CONFLICT(stripeId) DO UPDATE SET status=excluded.status, total=excluded.total, amountPaid=excluded.amountPaid,
           amountRemaining=excluded.amountRemaining, amountRefunded=excluded.amountRefunded, paidAt=excluded.paidAt,
           paymentFailed=excluded.paymentFailed, deleted=excluded.deleted, contentHash=excluded.contentHash,
           sourceAt=excluded.sourceAt, appliedAt=excluded.appliedAt
         WHERE excluded.sourceAt > InvoiceMap.sourceAt`,
      )
      .run({
        stripeId: inv.stripeId,
        clientStripeId: inv.clientStripeId,
        sub: inv.subscriptionStripeId ?? null,
        status: inv.status,
        total,
        paid,
        remaining: total - paid,
        refunded: inv.amountRefunded ?? 0,
        paidAt: ms(inv.paidAt),
        failed: inv.paymentFailed ? 1 : 0,
        deleted: inv.deleted ? 1 : 0,
        hash: `h${at}`,
        created: ms(inv.created),
        at,
      });
    if (result.changes === 0) return false;
    db.prepare("DELETE FROM InvoiceLineMap WHERE invoiceStripeId = ?").run(inv.stripeId);
    const insert = db.prepare(
      `INSERT INTO InvoiceLineMap (stripeId, invoiceStripeId, priceStripeId, productStripeId, quantity, amount, currency,
         periodStart, periodEnd) VALUES (?, ?, ?, ?, ?, ?, 'gbp', ?, ?)`,
    );
    for (const line of inv.lines) {
      insert.run(
        line.stripeId,
        inv.stripeId,
        line.priceStripeId ?? null,
        line.productStripeId ?? null,
        line.quantity ?? 1,
        line.amount ?? total,
        ms(line.periodStart ?? inv.created),
        ms(line.periodEnd ?? inv.created),
      );
    }
    return true;
  })();
}

export { catalog, seedCatalog } from "@/tests/support/demo-catalog";
