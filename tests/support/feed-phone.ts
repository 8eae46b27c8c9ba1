// A simulated phone for the changes feed: a copy of bookings and clients built only from feed
// entries, and the server's view of the same scope to compare it with.
import type { Sqlite } from "@/lib/db/sqlite";
import { apiBookingsById } from "@/lib/api/v1/bookings";
import { listChanges, type ChangesPage } from "@/lib/api/v1/changes";
import { changesStream } from "@/lib/api/v1/changes-stream";

export interface Copy {
  bookings: Map<string, unknown>;
  clients: Map<string, unknown>;
}

export interface Phone extends Copy {
  name: string;
  staffId: number | null;
  cursor: string | undefined;
  /** Every id the feed ever named to this phone (entity:id). */
  named: Set<string>;
}

export const newPhone = (name: string, staffId: number | null): Phone => ({
  name,
  staffId,
  cursor: undefined,
  bookings: new Map(),
  clients: new Map(),
  named: new Set(),
});

export const clonePhone = (p: Phone): Phone => ({
  ...p,
  bookings: new Map(p.bookings),
  clients: new Map(p.clients),
  named: new Set(p.named),
});

/** Applies one page and moves the cursor, as a client following the protocol does. */
export function applyPage(phone: Phone, page: ChangesPage): void {
  for (const change of page.data) {
    phone.named.add(`${change.entity}:${change.id}`);
    const map = change.entity === "booking" ? phone.bookings : phone.clients;
    if (change.op === "upsert") map.set(change.id, change.booking ?? change.client);
    else map.delete(change.id);
  }
  phone.cursor = page.nextCursor ?? page.pollCursor;
}

/** One GET /changes page; returns whether more are waiting. */
export function pollPage(db: Sqlite, phone: Phone, limit: number): boolean {
  const page = listChanges(db, { cursor: phone.cursor, limit }, phone.staffId);
  applyPage(phone, page);
  return page.hasMore ?? page.nextCursor !== null;
}

export function pollAll(db: Sqlite, phone: Phone, limit: number): void {
  for (let i = 0; i < 10_000; i += 1) if (!pollPage(db, phone, limit)) return;
  throw new Error("the feed never ended");
}

/** Connects the stream with Last-Event-ID = the phone's cursor, reads until caught up, disconnects. */
export async function streamSync(db: Sqlite, phone: Phone): Promise<void> {
  const controller = new AbortController();
  const first = listChanges(db, { cursor: phone.cursor, limit: 200 }, phone.staffId);
  const stream = changesStream({ db: () => db, first, staffScope: phone.staffId, signal: controller.signal });
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) throw new Error("stream ended");
      buffer += decoder.decode(value);
      let end: number;
      while ((end = buffer.indexOf("\n\n")) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = block.split("\n").find((line) => line.startsWith("data: "));
        const id = block.split("\n").find((line) => line.startsWith("id: "));
        if (!data || !id) continue;
        const page = JSON.parse(data.slice(6)) as ChangesPage;
        applyPage(phone, page);
        phone.cursor = id.slice(4);
        if (!(page.hasMore ?? page.nextCursor !== null)) return;
      }
    }
  } finally {
    controller.abort();
    await reader.cancel().catch(() => {});
  }
}

/** What the server shows this scope now (GET /bookings and /clients would list exactly this). */
export function serverView(db: Sqlite, staffId: number | null): Copy {
  const ids = (db.prepare("SELECT id FROM Booking").all() as { id: number }[]).map((r) => r.id);
  const bookings = new Map<string, unknown>();
  for (const [id, booking] of apiBookingsById(db, ids)) {
    if (staffId === null || booking.staffId === staffId) bookings.set(String(id), booking);
  }
  const clients = new Map<string, unknown>();
  const rows = db
    .prepare(
      `SELECT stripeId AS id, name, email, phone FROM Client c WHERE deleted = 0 AND (@staff IS NULL OR EXISTS
         (SELECT 1 FROM Booking b WHERE b.clientStripeId = c.stripeId AND b.staffId = @staff))`,
    )
    .all({ staff: staffId }) as { id: string }[];
  for (const row of rows) clients.set(row.id, { ...row });
  return { bookings, clients };
}

/** entity:id of everything in the scope now. */
export const scopeKeys = (view: Copy): string[] => [
  ...[...view.bookings.keys()].map((id) => `booking:${id}`),
  ...[...view.clients.keys()].map((id) => `client:${id}`),
];
