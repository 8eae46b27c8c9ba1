// The change stream on a real SQLite file: a committed write in this process wakes it with the
// change, a rolled-back one sends nothing, idle streams send heartbeats, and sequence numbers
// never repeat even when the item holding the newest one changes again.
import { afterEach, describe, expect, it } from "vitest";
import { openScenario, subRef, type Scenario } from "@/tests/support/booking-scenario";
import { editBooking } from "@/lib/bookings/edits";
import { listChanges, type ChangesPage } from "@/lib/api/v1/changes";
import { changesStream } from "@/lib/api/v1/changes-stream";
import { fillBookings } from "@/bench/support/bookings";

const NOW = new Date("2026-10-15T18:00:00Z");
let s: Scenario | undefined;
const aborts: AbortController[] = [];
afterEach(() => {
  for (const a of aborts.splice(0)) a.abort();
  s?.cleanup();
});

function open(sc: Scenario, heartbeatMs?: number, reads = { pages: 0 }) {
  const controller = new AbortController();
  aborts.push(controller);
  const first = listChanges(sc.db, { limit: 200 }, null);
  const reader = changesStream({
    db: () => {
      reads.pages += 1;
      return sc.db;
    },
    first,
    staffScope: null,
    signal: controller.signal,
    heartbeatMs,
  }).getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  // A read that timed out stays pending and gets the next chunk: keep it for the next call.
  let pending: ReturnType<typeof reader.read> | undefined;
  const block = async (timeoutMs: number): Promise<string | null> => {
    for (;;) {
      const end = buffer.indexOf("\n\n");
      if (end >= 0) {
        const text = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        return text;
      }
      pending ??= reader.read();
      const chunk = await Promise.race([
        pending,
        new Promise<null>((resolve) => setTimeout(() => resolve(null), timeoutMs)),
      ]);
      if (chunk === null) return null;
      pending = undefined;
      if (chunk.done) return null;
      buffer += decoder.decode(chunk.value);
    }
  };
  const event = async (timeoutMs = 3000): Promise<ChangesPage | null> => {
    for (;;) {
      const text = await block(timeoutMs);
      if (text === null) return null;
      const data = text.split("\n").find((line) => line.startsWith("data: "));
      if (data) return JSON.parse(data.slice(6)) as ChangesPage;
    }
  };
  return { block, event };
}

describe("the change stream", () => {
  it("pushes a committed edit, and nothing for a rolled-back one", async () => {
    s = openScenario("Europe/London", NOW);
    s.apply(s.sub());
    const id = s.live(subRef)[0]!.id;
    const stream = open(s);
    expect((await stream.block(1000))?.startsWith("retry: ")).toBe(true);
    expect((await stream.event())?.data.length).toBeGreaterThan(0);
    const sc = s;
    expect(() =>
      sc.db.transaction(() => {
        editBooking(sc.db, { id, patch: { notes: "never" }, actor: "t", now: NOW });
        throw new Error("rolled back");
      })(),
    ).toThrow("rolled back");
    expect(await stream.event(700)).toBeNull();
    editBooking(s.db, { id, patch: { notes: "kept" }, actor: "t", now: NOW });
    const page = await stream.event();
    expect(page?.data).toEqual([
      expect.objectContaining({
        id: String(id),
        op: "upsert",
        booking: expect.objectContaining({ notes: "kept" }),
      }),
    ]);
  });

  it("wakes all 50 open streams with one committed edit", async () => {
    s = openScenario("Europe/London", NOW);
    s.apply(s.sub());
    const id = s.live(subRef)[0]!.id;
    const streams = Array.from({ length: 50 }, () => open(s!));
    for (const stream of streams) {
      expect((await stream.block(1000))?.startsWith("retry: ")).toBe(true);
      expect((await stream.event())?.data.length).toBeGreaterThan(0);
    }
    editBooking(s.db, { id, patch: { notes: "for everyone" }, actor: "t", now: NOW });
    // Well under the fallback poll's interval: the in-process wake-up reaches every listener.
    const pages = await Promise.all(streams.map((stream) => stream.event(400)));
    const notes = pages.map((page) => page?.data[0]?.booking?.notes ?? null);
    expect(notes).toEqual(Array.from({ length: 50 }, () => "for everyone"));
  });

  it("reads a long backlog a page at a time, as the reader takes them", async () => {
    s = openScenario("Europe/London", NOW);
    fillBookings(s.db, {
      bookings: 1000,
      clients: 50,
      staff: 2,
      from: NOW,
      to: new Date(NOW.getTime() + 30 * 86_400_000),
      cancelledShare: 0,
      now: NOW,
    });
    // Logged as the writers would: one entry per booking, 5 pages of 200.
    s.db.exec(`INSERT INTO ChangeLog (seq, entity, entityId, op, at)
      SELECT (SELECT seq FROM ChangeCounter WHERE id = 1) + ROW_NUMBER() OVER (ORDER BY id), 'booking', id, 'upsert', 0
      FROM Booking WHERE id NOT IN (SELECT entityId FROM ChangeLog WHERE entity = 'booking')`);
    s.db.exec("UPDATE ChangeCounter SET seq = (SELECT max(seq) FROM ChangeLog) WHERE id = 1");
    const reads = { pages: 0 };
    const stream = open(s, undefined, reads);
    await stream.block(1000); // retry
    const bookingIds = (page: ChangesPage) =>
      page.data.filter((change) => change.entity === "booking").map((change) => change.id);
    const seen = new Set(bookingIds((await stream.event())!));
    await new Promise((resolve) => setTimeout(resolve, 200));
    // Nobody read the second page yet: at most one is waiting in the stream's queue.
    expect(reads.pages).toBeLessThanOrEqual(2);
    for (let page = await stream.event(1000); page; page = await stream.event(300))
      for (const id of bookingIds(page)) seen.add(id);
    const total = (s.db.prepare("SELECT count(*) AS n FROM Booking").get() as { n: number }).n;
    expect(seen.size).toBe(total);
  });

  it("sends a heartbeat comment while idle", async () => {
    s = openScenario("Europe/London", NOW);
    const stream = open(s, 30);
    await stream.block(1000); // retry
    await stream.block(1000); // first page
    expect(await stream.block(1000)).toBe(": ping");
  });

  it("gives an item changed twice in a row a new, higher seq each time", () => {
    s = openScenario("Europe/London", NOW);
    s.apply(s.sub());
    const id = s.live(subRef)[0]!.id;
    const seqOf = () =>
      (
        s!.db.prepare("SELECT seq FROM ChangeLog WHERE entity = 'booking' AND entityId = ?").get(id) as {
          seq: number;
        }
      ).seq;
    editBooking(s.db, { id, patch: { notes: "1" }, actor: "t", now: NOW });
    const first = seqOf();
    editBooking(s.db, { id, patch: { notes: "2" }, actor: "t", now: NOW });
    expect(seqOf()).toBeGreaterThan(first);
    s.db.prepare("DELETE FROM Booking WHERE id = ?").run(id);
    expect(seqOf()).toBeGreaterThan(first + 1);
  });
});
