// feed:create, feed:revoke, feed:list, export-ics — calendar feeds and .ics exports from the
// command line. Bad input prints one clear line to stderr and exits 2, changing nothing.
import { writeFileSync } from "node:fs";
import { parseArgs, type ParseArgsConfig } from "node:util";
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
import { UsageError, type Command } from "@/cli/context";

const usage = {
  "feed:create":
    "--scope business|staff:<id>|client:<stripeId> [--label TEXT] — create a feed and print its URL",
  "feed:revoke": "<token|prefix|id> — stop a feed from working",
  "feed:list": "list feeds (never their tokens)",
  "export-ics": "--from YYYY-MM-DD --to YYYY-MM-DD [--scope ...] [--out FILE] — write bookings as .ics",
} as const;
type FeedCommandName = keyof typeof usage;

/** One-line help per command, for cli/index.ts. */
export const feedCommandHelp: Record<string, string> = usage;

type Options = NonNullable<ParseArgsConfig["options"]>;

function parse<const O extends Options>(name: FeedCommandName, args: string[], options: O) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new UsageError(`${reason}\nUsage: ${name} ${usage[name]}`);
  }
}

function stringOption(value: string | boolean | (string | boolean)[] | undefined): string | undefined {
  return typeof value === "string" ? value : undefined;
}

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

function guarded(command: Command): Command {
  return async (args, ctx) => {
    try {
      return await command(args, ctx);
    } catch (error) {
      const usageError = asUsageError(error);
      if (!usageError) throw error;
      process.stderr.write(`${usageError.message}\n`);
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

const create: Command = async (args, { db, now, out, publicUrl }) => {
  const { values, positionals } = parse("feed:create", args, {
    scope: { type: "string" },
    label: { type: "string" },
  });
  const scopeText = stringOption(values.scope);
  if (!scopeText || positionals.length > 0)
    throw new UsageError(`Usage: feed:create ${usage["feed:create"]}`);
  const label = stringOption(values.label);
  const { token, feed } = createFeed(
    db,
    { ...parseScope(scopeText), ...(label === undefined ? {} : { label }) },
    now,
  );
  out(feedUrl(publicUrl, token));
  out(`Created feed ${describeFeed(feed)}. The URL is the password: it is shown only this once.`);
  return 0;
};

const revoke: Command = async (args, { db, now, out }) => {
  const { positionals } = parse("feed:revoke", args, {});
  const [ref] = positionals;
  if (!ref || positionals.length > 1) throw new UsageError(`Usage: feed:revoke ${usage["feed:revoke"]}`);
  const feed = revokeFeed(db, ref, now);
  const when =
    feed.revokedAt && feed.revokedAt.getTime() !== now.getTime()
      ? ` (already, on ${feed.revokedAt.toISOString()})`
      : "";
  out(`Revoked feed ${describeFeed(feed)}${when}.`);
  return 0;
};

const list: Command = async (args, { db, out }) => {
  const { positionals } = parse("feed:list", args, {});
  if (positionals.length > 0) throw new UsageError(`Usage: feed:list`);
  const feeds = listFeeds(db);
  if (feeds.length === 0) out("No feeds. Create one with feed:create --scope business");
  for (const feed of feeds) {
    const state = feed.revokedAt ? `revoked ${feed.revokedAt.toISOString()}` : "active";
    out(`${describeFeed(feed)}  created ${feed.createdAt.toISOString()}  ${state}`);
  }
  return 0;
};

function scopeFilter(text: string | undefined): BookingFilter {
  if (text === undefined) return {};
  const scope = parseScope(text);
  if (scope.scope === "staff") return { staffId: scope.staffId };
  if (scope.scope === "client") return { clientStripeId: scope.clientStripeId };
  return {};
}

const exportCommand: Command = async (args, { db, now, out, publicUrl }) => {
  const { values, positionals } = parse("export-ics", args, {
    from: { type: "string" },
    to: { type: "string" },
    scope: { type: "string" },
    out: { type: "string" },
  });
  const [from, to, file] = [stringOption(values.from), stringOption(values.to), stringOption(values.out)];
  if (!from || !to || positionals.length > 0)
    throw new UsageError(`Usage: export-ics ${usage["export-ics"]}`);
  const exported = exportIcs(db, { from, to, publicUrl, ...scopeFilter(stringOption(values.scope)) }, now);
  if (file) {
    writeFileSync(file, exported.body);
    out(`Wrote ${exported.count} booking(s) to ${file}.`);
  } else {
    // `out` adds the line break the text's last line already has.
    out(exported.body.replace(/\r\n$/, ""));
  }
  return 0;
};

/** The commands of this module by name; each returns 0, or 2 after printing what was wrong with the input. */
export const feedCommands: Record<string, Command> = {
  "feed:create": guarded(create),
  "feed:revoke": guarded(revoke),
  "feed:list": guarded(list),
  "export-ics": guarded(exportCommand),
};
