// Client.phoneE164, the searchable form of Stripe's `phone`: ingest writes it with every customer
// (lib/stripe/ingest.ts); here the rows written before it existed are filled in, and every row is
// read again when the business's phone country changes. better-sqlite3: many rows, short
// transactions. The column is no part of the changes feed (its trigger watches `phone` only).
import type { Sqlite } from "@/lib/db/sqlite";
import { normalisePhone, phoneCountryOf } from "@/lib/phone";
import { loadSettings } from "@/lib/settings";

const CHUNK = 500;

interface PhoneRow {
  id: number;
  phone: string;
  phoneE164: string | null;
}

/** Sets phoneE164 of `rows` with `country`; returns how many changed. */
function store(db: Sqlite, rows: PhoneRow[], country: string | null): number {
  const update = db.prepare("UPDATE Client SET phoneE164 = ? WHERE id = ?");
  let changed = 0;
  for (const row of rows) {
    const e164 = normalisePhone(row.phone, country);
    if (e164 !== row.phoneE164) changed += update.run(e164, row.id).changes;
  }
  return changed;
}

/**
 * Fills phoneE164 where a client has a phone and none yet, CHUNK rows per transaction (the
 * server's thread is free between them). Idempotent: a second run finds only the phones that
 * are no possible number and leaves them null.
 */
export function backfillClientPhones(db: Sqlite, chunk = CHUNK): number {
  const country = phoneCountryOf(loadSettings(db));
  const select = db.prepare<[number, number], PhoneRow>(
    `SELECT id, phone, phoneE164 FROM Client WHERE phone IS NOT NULL AND phoneE164 IS NULL AND id > ?
     ORDER BY id LIMIT ?`,
  );
  let filled = 0;
  for (let after = 0; ;) {
    const rows = select.all(after, chunk);
    if (rows.length === 0) return filled;
    filled += db.transaction(() => store(db, rows, country)).immediate();
    after = rows.at(-1)?.id ?? after;
  }
}

/**
 * Reads every client's phone again with `country`: after the business's phone country (or the
 * time zone it comes from) changed. Runs in the caller's transaction, so a settings change and
 * the numbers it implies are saved together.
 */
export function recomputeClientPhones(db: Sqlite, country: string | null): number {
  const rows = db
    .prepare<[], PhoneRow>("SELECT id, phone, phoneE164 FROM Client WHERE phone IS NOT NULL")
    .all();
  return store(db, rows, country);
}
