// Demo mode: with no Stripe key, the app shows a built-in sample business, loaded through the
// same ingest path as real data. It is labelled as demo data everywhere and can be wiped.
import type { Sqlite } from "@/lib/db/sqlite";
import { log } from "@/lib/log";
import { listFeeds } from "@/lib/feeds/tokens";
import { defaultRuleInputs, seedDefaultRules } from "@/lib/rules/defaults";
import { loadSettings, updateSettings } from "@/lib/settings";
import { ingestObjects } from "@/lib/stripe/ingest";
import { demoAccount } from "@/lib/stripe-fixtures/generate";
import { config } from "@/lib/config";
import { demoClientFiles } from "@/lib/clients/demo";
import { removePhoto } from "@/lib/clients/photos";

export const DEMO_BUSINESS_NAME = "Happy Paws Dog Walking (demo)";
const demoStaff = [
  { name: "Alex Morgan", email: "alex@happypaws.example", color: "#2563eb" },
  { name: "Sam Patel", email: "sam@happypaws.example", color: "#16a34a" },
  { name: "Jordan Lee", email: "jordan@happypaws.example", color: "#db2777" },
];

export type DemoLoadResult = { loaded: true; objects: number } | { loaded: false; reason: string };

/** Why the demo cannot be loaded now, or null when it can. */
function loadRefusal(db: Sqlite, afterWipe: boolean): string | null {
  const settings = loadSettings(db);
  if (settings.demoData) return "the demo business is already loaded.";
  if (settings.demoWiped && !afterWipe) return "the owner wiped the demo (demo:load brings it back).";
  const count = (table: string) =>
    (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  const busy = ["Client", "Rule", "Booking"].filter((table) => count(table) > 0);
  if (busy.length > 0) {
    return `the database already holds data (${busy.join(", ")}); the demo loads only into an empty one.`;
  }
  return null;
}

/**
 * Loads the sample business into an empty database. At start-up (`afterWipe` false) never after
 * the owner wiped it; `demo:load` (`afterWipe` true) brings it back and clears the wiped flag.
 */
export function loadDemoData(
  db: Sqlite,
  now: Date,
  options: {
    afterWipe?: boolean;
    /** Seals the demo clients' access notes (lib/clients/access.ts); without it they have none. */
    accessKey?: Buffer;
  } = {},
): DemoLoadResult {
  const refusal = loadRefusal(db, options.afterWipe === true);
  if (refusal) return { loaded: false, reason: refusal };
  const account = demoAccount(now);
  const objects = [
    ...account.products,
    ...account.prices,
    ...account.customers,
    ...account.subscriptions,
    ...account.invoices,
    ...account.invoiceItems,
  ];
  db.transaction(() => {
    const staff = db.prepare(
      "INSERT INTO Staff (name, email, color, active, createdAt) VALUES (?, ?, ?, 1, ?)",
    );
    for (const person of demoStaff) staff.run(person.name, person.email, person.color, now.getTime());
    seedDefaultRules(db, now);
    ingestObjects(
      db,
      objects.map((object) => ({ object, sourceAt: now })),
      { now },
    );
    // The client files, in the same transaction (the demo loads whole or not at all): plain
    // statements like the rest of this load, which is better-sqlite3 throughout.
    const files = demoClientFiles(account.customers, options.accessKey);
    const profile = db.prepare(
      `INSERT INTO ClientProfile (clientStripeId, addressOverride, accessSealed, emergencyName, emergencyPhone,
         emergencyNote, updatedAt, updatedBy) VALUES (@clientStripeId, @addressOverride, @accessSealed,
         @emergencyName, @emergencyPhone, @emergencyNote, @at, 'demo')`,
    );
    for (const row of files.profiles) profile.run({ ...row, at: now.getTime() });
    const pet = db.prepare(
      `INSERT INTO Pet (clientStripeId, name, breed, careNotes, vet, sortOrder, createdAt, updatedAt)
       VALUES (@clientStripeId, @name, @breed, @careNotes, @vet, @sortOrder, @at, @at)`,
    );
    for (const row of files.pets) pet.run({ ...row, at: now.getTime() });
    updateSettings(db, { demoData: true, demoWiped: false, businessName: DEMO_BUSINESS_NAME });
  }).immediate();
  log.info({ objects: objects.length }, "demo data loaded");
  return { loaded: true, objects: objects.length };
}

const wipedTables = [
  "CalendarFeed",
  "Pet",
  "ClientProfile",
  "Booking",
  "Rule",
  "Staff",
  "SubscriptionItemMap",
  "SubscriptionMap",
  "InvoiceLineMap",
  "InvoiceMap",
  "InvoiceItem",
  "Price",
  "Product",
  "Client",
  "DedupEvent",
  "QuarantinedObject",
  "RefetchRequest",
  "WebhookEvent",
  "SyncRun",
];

export interface DemoWipePlan {
  /** What goes, one line each, for the person to confirm. */
  lines: string[];
}

/** What wipeDemoData would delete, including rules and feeds people made themselves; null when there is no demo. */
export function demoWipePlan(db: Sqlite): DemoWipePlan | null {
  if (!loadSettings(db).demoData) return null;
  const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
  const defaults = new Set(defaultRuleInputs.map((rule) => rule.name));
  const ownRules = (
    db.prepare("SELECT id, name FROM Rule ORDER BY id").all() as { id: number; name: string }[]
  ).filter((rule) => !defaults.has(rule.name));
  const feeds = listFeeds(db).filter((feed) => feed.revokedAt === null);
  const lines = [
    `${count("SELECT count(*) AS n FROM Client")} clients, ${count("SELECT count(*) AS n FROM Booking")} bookings, ` +
      `${count("SELECT count(*) AS n FROM Staff")} staff members, ${count("SELECT count(*) AS n FROM Rule")} rules, ` +
      "the clients' files (addresses, pets and their photos, access notes), " +
      "and the demo's Stripe products, prices, subscriptions and invoices",
    ...ownRules.map((rule) => `rule #${rule.id} "${rule.name}" (not one of the demo's own rules)`),
    ...feeds.map(
      (feed) =>
        `calendar feed #${feed.id} ${feed.prefix}… (${feed.scope}${feed.targetName ? ` ${feed.targetName}` : ""}` +
        `${feed.label ? `, "${feed.label}"` : ""}): its URL will stop working`,
    ),
  ];
  return { lines };
}

/** Removes the sample business completely, in one transaction, and keeps it from coming back. */
export function wipeDemoData(db: Sqlite): { wiped: boolean } {
  if (!loadSettings(db).demoData) return { wiped: false };
  const photos = (
    db.prepare("SELECT photoFile FROM Pet WHERE photoFile IS NOT NULL").all() as { photoFile: string }[]
  ).map((row) => row.photoFile);
  db.transaction(() => {
    for (const table of wipedTables) db.prepare(`DELETE FROM ${table}`).run();
    updateSettings(db, { demoData: false, demoWiped: true, businessName: "My Business" });
  }).immediate();
  // After the commit: a photo file goes only once no row names it.
  for (const file of photos) removePhoto(config().dataDir, file);
  log.info("demo data wiped");
  return { wiped: true };
}
