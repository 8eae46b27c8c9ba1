// Which of two states of one object, given at the same Stripe time, is the later one. Stripe's
// timestamps are whole seconds, so `customer.subscription.created` (incomplete) and
// `.updated` (active) often share one. Ingest first orders by Stripe time; on a tie it asks
// Stripe (lib/stripe/refetch.ts) and, until Stripe has answered, keeps the state further along
// the object's lifecycle. The order is total, so replays in any order converge.
import type { MirroredKind } from "@/lib/stripe/schemas";

/**
 * Lifecycle rank of a subscription status. Stripe's transitions: incomplete → active (first
 * payment) or → incomplete_expired (23 h without it); trialing → active; active ⇄ past_due →
 * unpaid; active ⇄ paused; any → canceled. Terminal states (nothing follows them) rank last;
 * incomplete_expired and canceled never meet in one second, but the order must be total.
 */
const subscriptionRank: Record<string, number> = {
  incomplete: 0,
  trialing: 1,
  active: 2,
  past_due: 3,
  unpaid: 4,
  paused: 5,
  incomplete_expired: 6,
  canceled: 7,
};

/**
 * Lifecycle rank of an invoice status: draft → open → paid | uncollectible | void, where an
 * uncollectible invoice can still be paid or voided, and paid and void are terminal.
 */
const invoiceRank: Record<string, number> = {
  draft: 0,
  open: 1,
  uncollectible: 2,
  paid: 3,
  void: 4,
};

/** A status Stripe adds later ranks below every known one: the known state is kept until Stripe answers. */
const UNKNOWN = -1;
/** A deletion is final: it ranks above every status. */
const DELETED = 100;

export interface ComparableState {
  sourceAt: number;
  contentHash: string;
  /** Subscription / invoice status; null for kinds without one. */
  status: string | null;
  deleted: boolean;
}

export function lifecycleRank(kind: MirroredKind, status: string | null, deleted: boolean): number {
  if (deleted) return DELETED;
  const ranks = kind === "subscription" ? subscriptionRank : kind === "invoice" ? invoiceRank : null;
  if (!ranks || status === null) return 0;
  return ranks[status] ?? UNKNOWN;
}

/**
 * Total order of two states of one object: Stripe time, then lifecycle rank, then the status
 * name (two unknown statuses), then the content hash as the last resort. > 0 when `a` is later.
 */
export function compareStates(kind: MirroredKind, a: ComparableState, b: ComparableState): number {
  if (a.sourceAt !== b.sourceAt) return a.sourceAt - b.sourceAt;
  const rank = lifecycleRank(kind, a.status, a.deleted) - lifecycleRank(kind, b.status, b.deleted);
  if (rank !== 0) return rank;
  const sa = a.status ?? "";
  const sb = b.status ?? "";
  if (sa !== sb) return sa < sb ? -1 : 1;
  return a.contentHash < b.contentHash ? -1 : a.contentHash > b.contentHash ? 1 : 0;
}
