// feed:create, feed:revoke, feed:list, export-ics — calendar feeds and .ics exports from the
// command line. Bad input prints one clear line to stderr and exits 2, changing nothing.
import { writeFileSync } from "node:fs";
import { z } from "zod";
import { ExportRangeError, exportIcs } from "@/lib/calendar/feed";
import { UnknownTargetError, type BookingFilter } from "@/lib/calendar/query";
import {
  FeedNotFoundError,
  createFeed,
  feedUrl,
  listFeeds,
  parseScope,
  revokeFeed,
  type CalendarFeed,
} from "@/lib/feeds/tokens";
import { reachOf, reachWarning } from "@/lib/feeds/reach";
import { appFeedSealKey } from "@/lib/feeds/seal";
import { UsageError, say } from "@/cli/context";
import { defineCommand, type CommandSpec, type ParsedArgs } from "@/cli/spec";

const text = (value: ParsedArgs["values"][string]): string | undefined =>
  typeof value === "string" ? value : undefined;

// The errors lib/ throws for input a person got wrong; anything else is a failure (exit 1).
function asUsageError(error: unknown): UsageError | null {
  if (error instanceof UsageError) return error;
  if (error instanceof z.ZodError) return new UsageError(z.prettifyError(error));
  if (
    error instanceof RangeError ||
    error instanceof UnknownTargetError ||
    error instanceof FeedNotFoundError ||
    error instanceof ExportRangeError
  ) {
    return new UsageError(error.message);
  }
  return null;
}

/** Runs a command, turning lib/'s bad-input errors into exit 2 with one line on stderr. */
function guarded(run: CommandSpec["run"]): CommandSpec["run"] {
  return async (args, ctx) => {
    try {
      return await run(args, ctx);
    } catch (error) {
      const usageError = asUsageError(error);
      if (!usageError) throw error;
      say(usageError.message);
      return 2;
    }
  };
}

function describeFeed(feed: CalendarFeed): string {
  const target =
    feed.scope === "staff"
      ? `staff ${feed.staffId}`
      : feed.scope === "client"
        ? `client ${feed.clientStripeId}`
        : "business";
  const who = feed.targetName ? ` (${feed.targetName})` : "";
  return `#${feed.id} ${feed.prefix}… ${target}${who}${feed.label ? ` "${feed.label}"` : ""}`;
}

export const feedCreate = defineCommand({
  name: "feed:create",
  usage: "--scope business|staff:<id>|client:<stripeId> [--label TEXT]",
  summary: "create a feed and print its URL",
  options: { scope: { type: "string" }, label: { type: "string" } },
  required: ["scope"],
  run: guarded(async ({ values }, { db, now, out, publicUrl }) => {
    const label = text(values.label);
    const { token, feed } = createFeed(
      db,
      { ...parseScope(text(values.scope) ?? ""), ...(label === undefined ? {} : { label }) },
      now,
      null,
      appFeedSealKey(),
    );
    out(feedUrl(publicUrl, token));
    say(
      `Created feed ${describeFeed(feed)}. The URL is the password: the owner can show it again on the Feeds screen.`,
    );
    const reach = reachOf(publicUrl);
    const warning = reachWarning(publicUrl, reach);
    if (warning) say(`${reach === "this-computer" ? "Warning" : "Note"}: ${warning}`);
    return 0;
  }),
});

export const feedRevoke = defineCommand({
  name: "feed:revoke",
  usage: "<token|prefix|id>",
  summary: "stop a feed from working",
  positionals: { names: ["token|prefix|id"], min: 1 },
  run: guarded(async ({ positionals }, { db, now, out }) => {
    const feed = revokeFeed(db, positionals[0] ?? "", now);
    const when =
      feed.revokedAt && feed.revokedAt.getTime() !== now.getTime()
        ? ` (already, on ${feed.revokedAt.toISOString()})`
        : "";
    out(`Revoked feed ${describeFeed(feed)}${when}.`);
    return 0;
  }),
});

export const feedList = defineCommand({
  name: "feed:list",
  usage: "",
  summary: "list feeds (never their tokens)",
  run: guarded(async (_args, { db, out }) => {
    const feeds = listFeeds(db);
    if (feeds.length === 0) say("No feeds. Create one with feed:create --scope business");
    for (const feed of feeds) {
      const state = feed.revokedAt ? `revoked ${feed.revokedAt.toISOString()}` : "active";
      out(`${describeFeed(feed)}  created ${feed.createdAt.toISOString()}  ${state}`);
    }
    return 0;
  }),
});

function scopeFilter(scopeText: string | undefined): BookingFilter {
  if (scopeText === undefined) return {};
  const scope = parseScope(scopeText);
  if (scope.scope === "staff") return { staffId: scope.staffId };
  if (scope.scope === "client") return { clientStripeId: scope.clientStripeId };
  return {};
}

export const exportIcsCommand = defineCommand({
  name: "export-ics",
  usage: "--from YYYY-MM-DD --to YYYY-MM-DD [--scope ...] [--include-cancelled] [--out FILE]",
  summary: "write bookings as .ics (cancelled ones only with --include-cancelled)",
  options: {
    from: { type: "string" },
    to: { type: "string" },
    scope: { type: "string" },
    out: { type: "string" },
    "include-cancelled": { type: "boolean" },
  },
  required: ["from", "to"],
  run: guarded(async ({ values }, { db, now, out, publicUrl }) => {
    const file = text(values.out);
    const exported = exportIcs(
      db,
      {
        from: text(values.from),
        to: text(values.to),
        publicUrl,
        includeCancelled: values["include-cancelled"] === true,
        ...scopeFilter(text(values.scope)),
      },
      now,
    );
    if (file) {
      writeFileSync(file, exported.body);
      out(`Wrote ${exported.count} booking(s) to ${file}.`);
    } else {
      // `out` adds the line break the text's last line already has.
      out(exported.body.replace(/\r\n$/, ""));
    }
    return 0;
  }),
});
