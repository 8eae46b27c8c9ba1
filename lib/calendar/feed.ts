// Serving a subscribed feed and exporting a date range. Calendar apps poll feeds every few
// minutes, so the common answer is a 304 decided from one feed lookup and one aggregate
// query; bookings are loaded and the text built only when the version changed.
import { createHash } from "node:crypto";
import { DateTime } from "luxon";
import { z } from "zod";
import { cachedBody } from "@/lib/calendar/body-cache";
import { persistRendered, type RenderedRow } from "@/lib/calendar/event-cache";
import { feedBody } from "@/lib/calendar/feed-body";
import {
  buildCalendar,
  exportFileName,
  ICS_FORMAT,
  listsBooking,
  type CancelledPolicy,
} from "@/lib/calendar/ics";
import {
  assertFilterTargetsExist,
  bookingFilterSchema,
  bookingsVersion,
  type BookingFilter,
  dayRangeWindow,
  feedWindow,
  loadCalendarBookings,
  type BookingsVersion,
  type FeedWindow,
  usableZone,
} from "@/lib/calendar/query";
import type { Sqlite } from "@/lib/db/sqlite";
import { recordFeedFetch } from "@/lib/feeds/manage";
import { feedFilter, findActiveFeed, type CalendarFeed } from "@/lib/feeds/tokens";
import { loadSettings, settingsSchema } from "@/lib/settings";

export const CALENDAR_CONTENT_TYPE = "text/calendar; charset=utf-8";
export const FEED_CACHE_CONTROL = "private, max-age=300";
/** Longest export, in days: a guard against one request building years of events. */
export const MAX_EXPORT_DAYS = 3660;

export interface ServeFeedOptions {
  ifNoneMatch?: string | null;
  ifModifiedSince?: string | null;
  now: Date;
  publicUrl: string;
  /** The fetching client's User-Agent, recorded on the feed (lib/feeds/manage.ts). */
  userAgent?: string | null;
}

export type FeedResponse =
  | { status: 404 }
  | { status: 304; headers: Record<string, string> }
  | { status: 200; headers: Record<string, string>; body: string };

const feedSettingsSchema = settingsSchema.pick({
  businessName: true,
  timeZone: true,
  feedPastDays: true,
  feedFutureDays: true,
  cancelledKeepDays: true,
});
type FeedSettings = z.infer<typeof feedSettingsSchema>;

// A plain read: loadSettings would start a write (INSERT OR IGNORE) on every poll and wait
// behind a running reconcile for the write lock.
function readFeedSettings(db: Sqlite): FeedSettings {
  const row = db
    .prepare(
      "SELECT businessName, timeZone, feedPastDays, feedFutureDays, cancelledKeepDays FROM Setting WHERE id = 1",
    )
    .get();
  return row ? feedSettingsSchema.parse(row) : loadSettings(db);
}

/** The calendar's display name: the feed's label, else the business name plus whose feed it is. */
export function feedCalendarName(feed: CalendarFeed, businessName: string): string {
  if (feed.label) return feed.label;
  return feed.scope !== "business" && feed.targetName ? `${businessName} — ${feed.targetName}` : businessName;
}

/** An ASCII file name: letters, digits and dashes, then `.ics`. */
export function icsFileName(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[^A-Za-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .toLowerCase()
    .slice(0, 60);
  return `${slug || "calendar"}.ics`;
}

/** Weak ETag over everything the body depends on; equal tags ⇔ equal inputs (up to SHA-256). */
export function feedEtag(parts: {
  feedId: number;
  name: string;
  version: BookingsVersion;
  settings: FeedSettings;
  window: FeedWindow;
  publicUrl: string;
}): string {
  const material = JSON.stringify([
    ICS_FORMAT,
    parts.feedId,
    parts.name,
    parts.version.maxUpdatedAt,
    parts.version.count,
    parts.version.sequenceSum,
    parts.settings.timeZone,
    parts.settings.feedPastDays,
    parts.settings.feedFutureDays,
    parts.settings.cancelledKeepDays,
    parts.window.day,
    parts.publicUrl,
  ]);
  return `W/"${createHash("sha256").update(material).digest("base64url").slice(0, 32)}"`;
}

/** Weak comparison (RFC 9110 §8.8.3.2) of an If-None-Match list against one tag. */
export function etagMatches(ifNoneMatch: string, etag: string): boolean {
  if (ifNoneMatch.trim() === "*") return true;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, "");
  return ifNoneMatch.split(",").some((candidate) => opaque(candidate) === opaque(etag));
}

function notModified(options: ServeFeedOptions, etag: string, lastModified: Date): boolean {
  if (options.ifNoneMatch && options.ifNoneMatch.trim() !== "") return etagMatches(options.ifNoneMatch, etag);
  if (!options.ifModifiedSince) return false;
  const since = Date.parse(options.ifModifiedSince);
  // HTTP dates have whole seconds.
  return !Number.isNaN(since) && Math.floor(lastModified.getTime() / 1000) * 1000 <= since;
}

/** 404 for unknown or revoked tokens (no body), 304 without loading bookings when the client is current, else 200. */
export function serveFeed(db: Sqlite, token: string, options: ServeFeedOptions): FeedResponse {
  // One read transaction: the ETag and the body come from the same snapshot even while a
  // reconcile commits in between. Newly rendered events are stored after it, in a write of their own.
  const rendered: RenderedRow[] = [];
  const seen: { feed?: CalendarFeed } = {};
  const response = db.transaction(() => serveFromSnapshot(db, token, options, rendered, seen))();
  persistRendered(db, rendered);
  // One cheap UPDATE at most once a minute per feed, 304s included (the owner sees it is in use).
  if (seen.feed) recordFeedFetch(db, seen.feed, options.userAgent ?? null, options.now);
  return response;
}

/** What a rendered event depends on besides its booking row: a different context renders anew. */
function renderContext(timeZone: string, publicUrl: string, audience: string): string {
  return JSON.stringify([ICS_FORMAT, timeZone, publicUrl, audience]);
}

function serveFromSnapshot(
  db: Sqlite,
  token: string,
  options: ServeFeedOptions,
  rendered: RenderedRow[],
  seen: { feed?: CalendarFeed },
): FeedResponse {
  const feed = findActiveFeed(db, token);
  if (!feed) return { status: 404 };
  seen.feed = feed;
  const settings = readFeedSettings(db);
  const window = feedWindow(options.now, settings);
  const filter = feedFilter(feed);
  const version = bookingsVersion(db, filter, window);
  const name = feedCalendarName(feed, settings.businessName);
  const publicUrl = options.publicUrl.replace(/\/+$/, "");
  const etag = feedEtag({ feedId: feed.id, name, version, settings, window, publicUrl });
  // The window moves at each local midnight, which can change the body with no booking edited.
  const lastModified = new Date(
    Math.max(version.maxUpdatedAt ?? 0, window.dayStart.getTime(), feed.createdAt.getTime()),
  );
  const headers: Record<string, string> = {
    etag,
    "last-modified": lastModified.toUTCString(),
    "cache-control": FEED_CACHE_CONTROL,
  };
  if (notModified(options, etag, lastModified)) return { status: 304, headers };

  const body = cachedBody(`${db.name}|${etag}`, () =>
    feedBody(
      db,
      {
        name,
        timeZone: settings.timeZone,
        publicUrl,
        filter,
        window,
        version,
        audience: feed.scope,
        cancelled: feedCancelledPolicy(window, settings.cancelledKeepDays),
        context: renderContext(settings.timeZone, publicUrl, feed.scope),
      },
      rendered,
    ),
  );
  return {
    status: 200,
    headers: {
      ...headers,
      "content-type": CALENDAR_CONTENT_TYPE,
      "content-disposition": `inline; filename="${icsFileName(name)}"`,
    },
    body,
  };
}

/** Cancelled events stay `keepDays` (counted back from the window's day) so calendars remove them, then drop out. */
export function feedCancelledPolicy(window: FeedWindow, keepDays: number): CancelledPolicy {
  return { keep: "since", since: new Date(window.dayStart.getTime() - keepDays * 86_400_000) };
}

export const exportInputSchema = z
  .object({
    from: z.iso.date("must be a date written YYYY-MM-DD").optional(),
    to: z.iso.date("must be a date written YYYY-MM-DD").optional(),
    /** Base for each event's link back to the app; links are left out without it. */
    publicUrl: z.url().optional(),
    /** Cancelled bookings are left out unless asked for. */
    includeCancelled: z.boolean().optional(),
  })
  .extend(bookingFilterSchema.shape);
export type ExportInput = z.input<typeof exportInputSchema>;

export interface ExportedCalendar {
  filename: string;
  body: string;
  count: number;
}

/** Thrown for an export range that is reversed or longer than MAX_EXPORT_DAYS; `field` names the culprit. */
export class ExportRangeError extends Error {
  constructor(
    public readonly field: "from" | "to",
    message: string,
  ) {
    super(message);
    this.name = "ExportRangeError";
  }
}

/** The filter's bookings starting on local days [from, to] (inclusive; each defaults to the feed window's end) as one .ics. */
export function exportIcs(db: Sqlite, input: ExportInput, now: Date): ExportedCalendar {
  const { from, to, publicUrl, includeCancelled, ...filterInput } = exportInputSchema.parse(input);
  const filter = bookingFilterSchema.parse(filterInput);
  assertFilterTargetsExist(db, filter);
  const settings = loadSettings(db);
  const today = DateTime.fromJSDate(now, { zone: usableZone(settings.timeZone) }).startOf("day");
  const fromDay = from ?? today.minus({ days: settings.feedPastDays }).toISODate() ?? "";
  const toDay = to ?? today.plus({ days: settings.feedFutureDays }).toISODate() ?? "";
  if (toDay < fromDay) throw new ExportRangeError("to", "`to` must not be before `from`.");
  const window = dayRangeWindow(fromDay, toDay, settings.timeZone);
  if (window.to.getTime() - window.from.getTime() > (MAX_EXPORT_DAYS + 1) * 86_400_000) {
    throw new ExportRangeError("to", `An export can cover at most ${MAX_EXPORT_DAYS} days.`);
  }
  const cancelled: CancelledPolicy = { keep: includeCancelled ? "all" : "none" };
  const bookings = loadCalendarBookings(db, filter, window).filter((b) => listsBooking(b, cancelled));
  const name = `${settings.businessName} bookings ${fromDay} to ${toDay}`;
  return {
    filename: exportFileName({
      businessName: settings.businessName,
      who: filterTargetName(db, filter),
      from: fromDay,
      to: toDay,
    }),
    body: buildCalendar({ name, timeZone: settings.timeZone, bookings, publicUrl: publicUrl ?? null }),
    count: bookings.length,
  };
}

/** The name of the staff member and/or client a filter picks, for file names ("sam-patel", "jane-doe"). */
function filterTargetName(db: Sqlite, filter: BookingFilter): string | null {
  const names: string[] = [];
  if (filter.staffId !== undefined) {
    const row = db.prepare("SELECT name FROM Staff WHERE id = ?").get(filter.staffId) as
      { name: string } | undefined;
    names.push(row?.name ?? `staff ${filter.staffId}`);
  }
  if (filter.clientStripeId !== undefined) {
    const row = db
      .prepare("SELECT coalesce(name, email, stripeId) AS name FROM Client WHERE stripeId = ?")
      .get(filter.clientStripeId) as { name: string } | undefined;
    names.push(row?.name ?? filter.clientStripeId);
  }
  return names.length ? names.join(" ") : null;
}
