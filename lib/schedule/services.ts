// The service codes bookings use, for filter menus. Finding them scans every booking (no index
// on serviceCode), so the list is kept for a minute per process: a new service shows up in the
// menus within a minute, and screens over 50,000 bookings do not pay the scan per request.
import type { Db } from "@/lib/db/prisma";

const TTL_MS = 60_000;
// Per client (one per database file), so tests on fresh databases never see another's codes.
const cache = new WeakMap<Db, { at: number; codes: string[] }>();

export async function serviceCodes(db: Db, now = Date.now()): Promise<string[]> {
  const hit = cache.get(db);
  if (hit && now - hit.at < TTL_MS) return hit.codes;
  const rows = await db.booking.groupBy({ by: ["serviceCode"], orderBy: { serviceCode: "asc" } });
  const codes = rows.map((r) => r.serviceCode);
  cache.set(db, { at: now, codes });
  return codes;
}
