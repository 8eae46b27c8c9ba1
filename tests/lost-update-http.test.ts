// No lost update over HTTP, against the built server: the booking page's path (PATCH
// /api/v1/bookings/{id} with the session cookie and If-Match of the version the page showed)
// refuses a stale save with 412, the booking as it is now, its ETag and who changed what since
// — and changes nothing; sent again with the current ETag, it is saved and history holds both.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createManualBooking } from "@/lib/bookings/edits";
import { bookingHistory } from "@/lib/bookings/history";
import { getBooking } from "@/lib/bookings/stored";
import { startAppServer, standaloneBuilt, type AppServer } from "@/tests/support/faults/app-server";
import { preparedDataDir, removeDataDirs, withDb, type DataDir } from "@/tests/support/faults/data-dir";
import { killAll } from "@/tests/support/faults/processes";
import { seedApiBusiness, type Seeded } from "@/tests/support/api-v1-seed";
import { createAccount, rawRequest, signIn } from "@/tests/support/http-auth";

const HOUR = 3_600_000;
let dir: DataDir;
let server: AppServer;
let seed: Seeded;
let walker: Record<string, string>;
let owner: Record<string, string>;

const call = (method: string, url: string, headers: Record<string, string>, body?: unknown) =>
  rawRequest(`${server.url}${url}`, {
    method,
    headers: { ...(body === undefined ? {} : { "content-type": "application/json" }), ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

describe.skipIf(!standaloneBuilt())("a stale save from the booking page", () => {
  beforeAll(async () => {
    dir = preparedDataDir(new Date());
    seed = await seedApiBusiness(dir.file, new Date());
    await createAccount(dir.file, { email: "owner@example.com", role: "owner" });
    await createAccount(dir.file, { email: "alex@example.com", role: "staff", staffId: seed.alex });
    server = await startAppServer(dir.dir, { env: { API_RATE_LIMIT_PER_MINUTE: "1000000" } });
    for (const [email, set] of [
      ["alex@example.com", (v: Record<string, string>) => (walker = v)],
      ["owner@example.com", (v: Record<string, string>) => (owner = v)],
    ] as const) {
      const signed = await signIn(server.url, email);
      expect(signed.status).toBe(200);
      set({ cookie: signed.cookie, origin: server.url });
    }
  }, 120_000);
  afterAll(async () => {
    await killAll();
    removeDataDirs();
  });

  it("is refused with 412 and what changed since, writes nothing, and goes through with the new ETag", async () => {
    const nine = new Date(Math.ceil(Date.now() / (24 * HOUR)) * 24 * HOUR + 33 * HOUR);
    const id = withDb(
      dir.file,
      (db) =>
        createManualBooking(
          db,
          { title: "Walk", startAt: nine, endAt: new Date(nine.getTime() + HOUR), staffId: seed.alex },
          new Date(),
        ).id,
    );
    // The version both screens were rendered from.
    const shown = await call("GET", `/api/v1/bookings/${id}`, owner);
    const version = String(shown.headers.etag);
    const noon = new Date(nine.getTime() + 3 * HOUR).toISOString();
    const moved = await call(
      "PATCH",
      `/api/v1/bookings/${id}`,
      { ...walker, "if-match": version },
      { startAt: noon },
    );
    expect(moved.status).toBe(200);
    const before = withDb(dir.file, (db) => ({
      row: getBooking(db, id),
      events: bookingHistory(db, id).length,
    }));

    const three = new Date(nine.getTime() + 6 * HOUR).toISOString();
    const stale = await call(
      "PATCH",
      `/api/v1/bookings/${id}`,
      { ...owner, "if-match": version },
      { startAt: three, endAt: new Date(Date.parse(three) + HOUR).toISOString() },
    );
    expect(stale.status).toBe(412);
    const problem = JSON.parse(stale.body) as {
      current: { startAt: string };
      changes: { actor: string; changes: Record<string, unknown[]> }[];
    };
    expect(problem.current.startAt).toBe(noon);
    expect(problem.changes).toHaveLength(1);
    expect(problem.changes[0]).toMatchObject({ actor: "alex@example.com" });
    expect(problem.changes[0]!.changes.startAt).toEqual([nine.toISOString(), noon]);
    expect(stale.headers.etag).toBe(moved.headers.etag);
    // Nothing written: the row and its history are as the walker left them.
    const after = withDb(dir.file, (db) => ({
      row: getBooking(db, id),
      events: bookingHistory(db, id).length,
    }));
    expect(after).toEqual(before);

    const mine = await call(
      "PATCH",
      `/api/v1/bookings/${id}`,
      { ...owner, "if-match": String(stale.headers.etag) },
      { startAt: three, endAt: new Date(Date.parse(three) + HOUR).toISOString() },
    );
    expect(mine.status).toBe(200);
    const history = withDb(dir.file, (db) => bookingHistory(db, id));
    expect(history.map((e) => [e.actor, e.changes.startAt?.[1]])).toEqual([
      ["cli", undefined],
      ["alex@example.com", noon],
      ["owner@example.com", three],
    ]);
  });

  it("is refused without the session's Origin (the cookie alone cannot write)", async () => {
    const shown = await call("GET", "/api/v1/bookings/1", owner);
    const noOrigin = { cookie: owner.cookie! };
    const response = await call(
      "PATCH",
      "/api/v1/bookings/1",
      { ...noOrigin, origin: "http://evil.example", "if-match": String(shown.headers.etag) },
      { notes: "x" },
    );
    expect(response.status).toBe(403);
  });
});
