// The changes feed and its stream over HTTP against the built server: an item changed twice
// is seen twice (edit-poll-edit-poll, check-in then check-out), a booking reassigned away and
// back leaves and re-enters a walker's phone, a walker's first sync names only their items,
// and the SSE stream pushes a change and resumes with Last-Event-ID.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAppServer, standaloneBuilt, type AppServer } from "@/tests/support/faults/app-server";
import { preparedDataDir, removeDataDirs, withDb, type DataDir } from "@/tests/support/faults/data-dir";
import { killAll } from "@/tests/support/faults/processes";
import { seedApiBusiness, type Seeded } from "@/tests/support/api-v1-seed";

interface Change {
  seq: number;
  entity: "booking" | "client";
  id: string;
  op: "upsert" | "remove" | "delete";
  booking?: { id: number; notes: string | null; staffId: number | null; clientId: string | null } & Record<
    string,
    unknown
  >;
  client?: { id: string };
}
interface Page {
  data: Change[];
  nextCursor: string | null;
  pollCursor: string;
  hasMore: boolean;
}

const now = new Date();
let dir: DataDir;
let server: AppServer;
let seed: Seeded;

const auth = (token: string) => ({ authorization: `Bearer ${token}` });

async function page(token: string, cursor?: string, limit = 200): Promise<Page> {
  const query = new URLSearchParams({ limit: String(limit), ...(cursor ? { cursor } : {}) });
  const response = await fetch(`${server.url}/api/v1/changes?${query}`, { headers: auth(token) });
  expect(response.status).toBe(200);
  return (await response.json()) as Page;
}

/** Follows the feed to its end: every entry, and where to poll next. */
async function sync(
  token: string,
  cursor?: string,
  limit = 200,
): Promise<{ data: Change[]; cursor: string }> {
  const data: Change[] = [];
  for (;;) {
    const p = await page(token, cursor, limit);
    data.push(...p.data);
    cursor = p.nextCursor ?? p.pollCursor;
    if (!p.hasMore) return { data, cursor };
  }
}

async function patch(id: number, body: object): Promise<void> {
  const response = await fetch(`${server.url}/api/v1/bookings/${id}`, {
    method: "PATCH",
    headers: { ...auth(seed.tokens.ownerWrite), "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(200);
}

const alexBookings = () =>
  withDb(dir.file, (db) =>
    (
      db.prepare("SELECT id FROM Booking WHERE staffId = ? ORDER BY id").all(seed.alex) as { id: number }[]
    ).map((r) => r.id),
  );

/** Reads SSE events from a fetch response body. */
function sseReader(response: Response) {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  return {
    raw: () => buffer,
    async next(timeoutMs = 10_000): Promise<{ id?: string; event?: string; data?: Page; retry?: string }> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const end = buffer.indexOf("\n\n");
        if (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const fields = Object.fromEntries(
            block
              .split("\n")
              .filter((line) => !line.startsWith(":"))
              .map((line) => [line.slice(0, line.indexOf(":")), line.slice(line.indexOf(":") + 2)]),
          ) as Record<string, string>;
          if (!fields.data && !fields.retry) continue;
          return { ...fields, data: fields.data ? (JSON.parse(fields.data) as Page) : undefined };
        }
        const left = deadline - Date.now();
        if (left <= 0) throw new Error("no event in time");
        const chunk = await Promise.race([
          reader.read(),
          new Promise<never>((_, reject) => setTimeout(() => reject(new Error("no event in time")), left)),
        ]);
        if (chunk.done) throw new Error("stream ended");
        buffer += decoder.decode(chunk.value);
      }
    },
    close: () => reader.cancel(),
  };
}

describe.skipIf(!standaloneBuilt())("the changes feed over HTTP", () => {
  beforeAll(async () => {
    dir = preparedDataDir(now);
    seed = await seedApiBusiness(dir.file, now);
    server = await startAppServer(dir.dir, { env: { API_RATE_LIMIT_PER_MINUTE: "100000" } });
  }, 90_000);
  afterAll(async () => {
    await killAll();
    removeDataDirs();
  });

  it("an item changed again after a poll is seen again (edit-poll-edit-poll, check-in then check-out)", async () => {
    const [id] = alexBookings();
    // A visit that began an hour ago (check-ins are refused earlier than shortly before the start).
    await patch(id!, { startAt: new Date(Date.now() - 60 * 60_000).toISOString() });
    let { cursor } = await sync(seed.tokens.ownerRead);
    for (const notes of ["1", "2"]) {
      await patch(id!, { notes });
      const seen = await sync(seed.tokens.ownerRead, cursor);
      cursor = seen.cursor;
      expect(seen.data.filter((c) => c.id === String(id)).map((c) => c.booking?.notes)).toEqual([notes]);
    }
    // Device times of a visit that just happened (the API refuses times ahead of its clock).
    const checkIn = new Date(Date.now() - 56 * 60_000);
    checkIn.setUTCSeconds(0, 0);
    const checkOut = new Date(checkIn.getTime() + 56 * 60_000);
    await patch(id!, { checkInAt: checkIn.toISOString() });
    cursor = (await sync(seed.tokens.alexRead)).cursor;
    await patch(id!, { checkOutAt: checkOut.toISOString() });
    const out = await sync(seed.tokens.alexRead, cursor);
    expect(out.data.map((c) => c.booking?.checkOutAt)).toEqual([checkOut.toISOString()]);
  });

  it("a walker's first sync names only their bookings and clients; reassigned away is one remove, back is an upsert", async () => {
    const mine = alexBookings();
    const first = await sync(seed.tokens.alexRead, undefined, 7);
    const bookings = first.data.filter((c) => c.entity === "booking");
    expect(new Set(bookings.map((c) => Number(c.id)))).toEqual(new Set(mine));
    expect(first.data.every((c) => c.op === "upsert")).toBe(true);
    expect(new Set(first.data.filter((c) => c.entity === "client").map((c) => c.id))).toEqual(
      new Set(["cus_b"]),
    );

    const id = mine[0]!;
    await patch(id, { staffId: seed.sam });
    const away = await sync(seed.tokens.alexRead, first.cursor);
    expect(away.data).toEqual([{ seq: expect.any(Number), entity: "booking", id: String(id), op: "remove" }]);
    await patch(id, { notes: "walked by Sam" });
    const quiet = await sync(seed.tokens.alexRead, away.cursor);
    expect(quiet.data).toEqual([]);
    await patch(id, { staffId: seed.alex });
    const back = await sync(seed.tokens.alexRead, quiet.cursor);
    expect(back.data).toEqual([
      expect.objectContaining({
        entity: "booking",
        id: String(id),
        op: "upsert",
        booking: expect.objectContaining({ id, staffId: seed.alex, notes: "walked by Sam" }),
      }),
    ]);
  });

  it("the stream pushes a change within seconds and resumes after a disconnect with Last-Event-ID", async () => {
    const [id] = alexBookings();
    const { cursor } = await sync(seed.tokens.alexRead);
    const response = await fetch(`${server.url}/api/v1/changes/stream?cursor=${cursor}`, {
      headers: auth(seed.tokens.alexRead),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/);
    expect(response.headers.get("cache-control")).toContain("no-cache");
    expect(response.headers.get("x-accel-buffering")).toBe("no");
    const events = sseReader(response);
    const hello = await events.next();
    expect(hello.retry).toMatch(/^\d+$/);
    const start = await events.next();
    expect(start).toMatchObject({ event: "changes", data: { data: [], hasMore: false } });

    const sent = Date.now();
    await patch(id!, { notes: "pushed" });
    const pushed = await events.next();
    expect(Date.now() - sent).toBeLessThan(5_000);
    expect(pushed.data!.data).toEqual([
      expect.objectContaining({
        id: String(id),
        op: "upsert",
        booking: expect.objectContaining({ notes: "pushed" }),
      }),
    ]);
    await events.close();

    await patch(id!, { notes: "while offline" });
    const again = await fetch(`${server.url}/api/v1/changes/stream?cursor=${cursor}`, {
      headers: { ...auth(seed.tokens.alexRead), "last-event-id": pushed.id! },
    });
    const resumed = sseReader(again);
    await resumed.next();
    const missed = await resumed.next();
    expect(missed.data!.data).toEqual([
      expect.objectContaining({
        id: String(id),
        booking: expect.objectContaining({ notes: "while offline" }),
      }),
    ]);
    await resumed.close();

    const bad = await fetch(`${server.url}/api/v1/changes/stream`, {
      headers: { ...auth(seed.tokens.alexRead), "last-event-id": "nope" },
    });
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as { type: string }).type).toContain("invalid-cursor");
    expect((await fetch(`${server.url}/api/v1/changes/stream`)).status).toBe(401);
  });
});
