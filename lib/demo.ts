// Demo mode: with no Stripe key, the app shows a built-in sample business, loaded through the
// same ingest path as real data. It is labelled as demo data everywhere and can be wiped.
import type { Sqlite } from "@/lib/db/sqlite";
import { log } from "@/lib/log";
import { seedDefaultRules } from "@/lib/rules/defaults";
import { loadSettings, updateSettings } from "@/lib/settings";
import { ingestObjects } from "@/lib/stripe/ingest";
import { demoAccount } from "@/lib/stripe-fixtures/generate";

export const DEMO_BUSINESS_NAME = "Happy Paws Dog Walking (demo)";
const demoStaff = [
  { name: "Alex Morgan", email: "alex@happypaws.example", color: "#2563eb" },
  { name: "Sam Patel", email: "sam@happypaws.example", color: "#16a34a" },
  { name: "Jordan Lee", email: "jordan@happypaws.example", color: "#db2777" },
];

/** Loads the sample business once into an empty database; never after the owner wiped it. */
export function loadDemoData(db: Sqlite, now: Date): { loaded: boolean; objects: number } {
  const settings = loadSettings(db);
  const hasData = db.prepare("SELECT 1 FROM Client LIMIT 1").get() !== undefined;
  if (settings.demoWiped || settings.demoData || hasData) return { loaded: false, objects: 0 };
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
    updateSettings(db, { demoData: true, businessName: DEMO_BUSINESS_NAME });
  }).immediate();
  log.info({ objects: objects.length }, "demo data loaded");
  return { loaded: true, objects: objects.length };
}

const wipedTables = [
  "CalendarFeed",
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

/** Removes the sample business completely, in one transaction, and keeps it from coming back. */
export function wipeDemoData(db: Sqlite): { wiped: boolean } {
  if (!loadSettings(db).demoData) return { wiped: false };
  db.transaction(() => {
    for (const table of wipedTables) db.prepare(`DELETE FROM ${table}`).run();
    updateSettings(db, { demoData: false, demoWiped: true, businessName: "My Business" });
  }).immediate();
  log.info("demo data wiped");
  return { wiped: true };
}
