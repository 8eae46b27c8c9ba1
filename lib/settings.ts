// Business settings: one row (id = 1) in Setting, created on first use from the environment.
import { z } from "zod";
import { config } from "@/lib/config";
import { cachedStatement, type Sqlite } from "@/lib/db/sqlite";

export const settingsSchema = z.object({
  businessName: z.string().min(1).max(120),
  timeZone: z.string().min(1),
  defaultStartTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "must be HH:mm"),
  defaultDurationMin: z
    .number()
    .int()
    .min(5)
    .max(24 * 60),
  horizonWeeks: z.number().int().min(1).max(104),
  feedPastDays: z.number().int().min(0).max(3650),
  feedFutureDays: z.number().int().min(1).max(3650),
  /** Days a cancelled booking stays in feeds (so subscribed calendars remove it), then it is left out. */
  cancelledKeepDays: z.number().int().min(0).max(3650),
  paymentFailedPolicy: z.enum(["keep", "hold"]),
  demoData: z.boolean(),
  demoWiped: z.boolean(),
  /** Minutes before a visit's start from which it may be started, completed or marked no-show. */
  startGraceMin: z
    .number()
    .int()
    .min(0)
    .max(24 * 60),
  /** ISO 3166 alpha-2 country for phone numbers typed without a country code; null: from the time zone. */
  phoneCountry: z
    .string()
    .regex(/^[A-Z]{2}$/, "must be a two-letter country code")
    .nullable(),
});
export type Settings = z.infer<typeof settingsSchema>;

const sqliteBool = z.union([z.boolean(), z.number()]).transform(Boolean);
const rowSchema = settingsSchema.extend({ demoData: sqliteBool, demoWiped: sqliteBool });

const parsedSettings = new WeakMap<Sqlite, { key: string; settings: Settings }>();

/** Reads the settings row, creating it with defaults (time zone from BUSINESS_TIMEZONE) if absent. */
export function loadSettings(db: Sqlite): Settings {
  // Read first: a write (even a no-op INSERT OR IGNORE) would wait for any writer's lock.
  const row = cachedStatement(db, "SELECT * FROM Setting WHERE id = 1").get();
  if (row) {
    // Every webhook batch reads the settings: zod runs only when the row's text changed.
    const key = JSON.stringify(row);
    const cached = parsedSettings.get(db);
    if (cached?.key === key) return { ...cached.settings };
    const settings = rowSchema.parse(row);
    parsedSettings.set(db, { key, settings });
    return { ...settings };
  }
  db.prepare("INSERT OR IGNORE INTO Setting (id, timeZone) VALUES (1, ?)").run(config().BUSINESS_TIMEZONE);
  return rowSchema.parse(db.prepare("SELECT * FROM Setting WHERE id = 1").get());
}

/** Updates some settings; validated as a whole before anything is written. */
export function updateSettings(db: Sqlite, patch: Partial<Settings>): Settings {
  const next = settingsSchema.parse({ ...loadSettings(db), ...patch });
  db.prepare(
    `UPDATE Setting SET businessName=@businessName, timeZone=@timeZone, defaultStartTime=@defaultStartTime,
       defaultDurationMin=@defaultDurationMin, horizonWeeks=@horizonWeeks, feedPastDays=@feedPastDays,
       feedFutureDays=@feedFutureDays, cancelledKeepDays=@cancelledKeepDays, paymentFailedPolicy=@paymentFailedPolicy, demoData=@demoData,
       demoWiped=@demoWiped, startGraceMin=@startGraceMin, phoneCountry=@phoneCountry WHERE id = 1`,
  ).run({ ...next, demoData: next.demoData ? 1 : 0, demoWiped: next.demoWiped ? 1 : 0 });
  return next;
}
