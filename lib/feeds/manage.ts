// The owner's feed screen: subscribe links of a new token, showing a feed's link again (from
// its sealed copy), rotation (a new token on the same feed; the old URL then answers 404),
// revocation by id, and when each feed was last fetched.
import { randomBytes } from "node:crypto";
import type { Sqlite } from "@/lib/db/sqlite";
import { log } from "@/lib/log";
import { sealFeedToken, unsealFeedToken } from "@/lib/feeds/seal";
import {
  createFeed,
  FeedNotFoundError,
  feedUrl,
  hashToken,
  parseFeed,
  PREFIX_LENGTH,
  revokeFeed,
  selectFeeds,
  type CalendarFeed,
  type FeedScopeInput,
} from "@/lib/feeds/tokens";

/** A fetch within this long of the recorded one is not written again (calendar apps poll every few minutes). */
export const FETCH_RECORD_INTERVAL_MS = 60_000;
const USER_AGENT_MAX = 200;

export interface SubscribeLinks {
  /** The https/http URL to paste into a calendar app. */
  url: string;
  /** The same feed as `webcal://`, which opens the device's calendar app to subscribe. */
  webcal: string;
}

/** The links of a feed token. */
export function subscribeLinks(publicUrl: string, token: string): SubscribeLinks {
  const url = feedUrl(publicUrl, token);
  return { url, webcal: url.replace(/^https?:\/\//, "webcal://") };
}

export interface IssuedFeed extends SubscribeLinks {
  feed: CalendarFeed;
}

/** Creates a feed for the business, a staff member or a client (UnknownTargetError when the target does not exist). */
export function createOwnerFeed(
  db: Sqlite,
  input: FeedScopeInput,
  now: Date,
  publicUrl: string,
  createdByUserId: string | null = null,
  sealKey: Buffer | null = null,
): IssuedFeed {
  const { token, feed } = createFeed(db, input, now, createdByUserId, sealKey);
  return { feed, ...subscribeLinks(publicUrl, token) };
}

function feedById(db: Sqlite, id: number): CalendarFeed | null {
  const row = db.prepare(`${selectFeeds} WHERE f.id = ?`).get(id);
  return row ? parseFeed(row) : null;
}

/**
 * Gives an active feed a new token in place (same id, scope and label): the old URL answers 404
 * from the moment this returns. Its fetch record starts again, since the old subscribers are gone.
 * The sealed copy is replaced by the new token's (or dropped without a key): never the old one.
 */
export function rotateFeed(
  db: Sqlite,
  id: number,
  now: Date,
  publicUrl: string,
  sealKey: Buffer | null = null,
): IssuedFeed {
  const token = randomBytes(32).toString("base64url");
  const tokenHash = hashToken(token);
  const changed = db
    .prepare(
      `UPDATE CalendarFeed SET tokenHash = ?, prefix = ?, tokenSealed = ?, lastFetchedAt = NULL, lastUserAgent = NULL
       WHERE id = ? AND revokedAt IS NULL`,
    )
    .run(
      tokenHash,
      token.slice(0, PREFIX_LENGTH),
      sealKey ? sealFeedToken(token, sealKey, tokenHash) : null,
      id,
    ).changes;
  if (changed === 0) throw new FeedNotFoundError(`Feed ${id} does not exist or is revoked.`);
  log.info({ feedId: id, at: now.toISOString() }, "feed rotated");
  return { feed: feedById(db, id)!, ...subscribeLinks(publicUrl, token) };
}

/** Thrown for a feed made before links were kept sealed (or made without a key): rotate it to get one. */
export class FeedNotSealedError extends Error {
  constructor(id: number) {
    super(`Feed ${id} was made before links could be shown again — rotate it to get one you can show again.`);
    this.name = "FeedNotSealedError";
  }
}

/**
 * The links of an active feed again, from its sealed token (FeedNotFoundError for unknown or
 * revoked feeds, FeedNotSealedError for feeds without a sealed copy, FeedSealError when it does
 * not open). The token is checked against the stored hash, so a link shown is one that works.
 */
export function showFeedLink(db: Sqlite, id: number, publicUrl: string, sealKey: Buffer): IssuedFeed {
  const row = db
    .prepare("SELECT tokenHash, tokenSealed FROM CalendarFeed WHERE id = ? AND revokedAt IS NULL")
    .get(id) as { tokenHash: string; tokenSealed: string | null } | undefined;
  if (!row) throw new FeedNotFoundError(`Feed ${id} does not exist or is revoked.`);
  if (row.tokenSealed === null) throw new FeedNotSealedError(id);
  const token = unsealFeedToken(row.tokenSealed, sealKey, row.tokenHash);
  return { feed: feedById(db, id)!, ...subscribeLinks(publicUrl, token) };
}

/** Revokes a feed by id (its URL answers 404); revoking twice keeps the first time. */
export function revokeFeedById(db: Sqlite, id: number, now: Date): CalendarFeed {
  if (!feedById(db, id)) throw new FeedNotFoundError(`Feed ${id} does not exist.`);
  return revokeFeed(db, String(id), now);
}

/**
 * Records that a calendar app fetched the feed (200 or 304): one UPDATE, skipped when the feed was
 * recorded less than a minute ago, so a polling storm writes at most once a minute per feed.
 * It never waits for another writer (busy timeout 0 for this one statement; better-sqlite3 is
 * synchronous, so nothing else runs meanwhile): a busy database skips the record, and the next
 * poll writes it. The record is only informative; the feed answer never depends on it.
 */
export function recordFeedFetch(
  db: Sqlite,
  feed: Pick<CalendarFeed, "id" | "lastFetchedAt">,
  userAgent: string | null,
  now: Date,
): boolean {
  const since = now.getTime() - FETCH_RECORD_INTERVAL_MS;
  if (feed.lastFetchedAt && feed.lastFetchedAt.getTime() > since) return false;
  const busyTimeout = Number(db.pragma("busy_timeout", { simple: true }));
  db.pragma("busy_timeout = 0");
  try {
    const result = db
      .prepare(
        `UPDATE CalendarFeed SET lastFetchedAt = ?, lastUserAgent = ?
         WHERE id = ? AND (lastFetchedAt IS NULL OR lastFetchedAt <= ?)`,
      )
      .run(now.getTime(), userAgent ? userAgent.slice(0, USER_AGENT_MAX) : null, feed.id, since);
    return result.changes > 0;
  } catch (error) {
    log.debug({ feedId: feed.id, err: error }, "feed fetch not recorded");
    return false;
  } finally {
    db.pragma(`busy_timeout = ${busyTimeout}`);
  }
}

export interface FeedTargets {
  staff: { id: number; name: string; active: boolean }[];
  clients: { stripeId: string; name: string }[];
}

/** Who a new feed can be for: staff members and (not deleted) clients, by name. */
export function listFeedTargets(db: Sqlite): FeedTargets {
  const staff = db.prepare("SELECT id, name, active FROM Staff ORDER BY active DESC, name").all() as {
    id: number;
    name: string;
    active: number;
  }[];
  const clients = db
    .prepare(
      `SELECT stripeId, coalesce(name, email, stripeId) AS name FROM Client WHERE deleted = 0
       ORDER BY name COLLATE NOCASE LIMIT 5000`,
    )
    .all() as { stripeId: string; name: string }[];
  return { staff: staff.map((s) => ({ ...s, active: s.active === 1 })), clients };
}
