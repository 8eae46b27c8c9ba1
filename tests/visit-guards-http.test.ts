// The visit guards over HTTP, against the built server: /api/v1 and /api/staff refuse completing
// a visit before it starts (422 naming the time it may be done from), a walker's correction after
// the undo window (403), and the owner's correction without a reason (422); the owner's with a
// reason is applied. My day's own path (Start, Finish, Undo) goes through with If-Match.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createManualBooking } from "@/lib/bookings/edits";
import { loadSettings } from "@/lib/settings";
import { startAppServer, standaloneBuilt, type AppServer } from "@/tests/support/faults/app-server";
import { preparedDataDir, removeDataDirs, withDb, type DataDir } from "@/tests/support/faults/data-dir";
import { killAll } from "@/tests/support/faults/processes";
import { seedApiBusiness, type Seeded } from "@/tests/support/api-v1-seed";
import { createAccount, rawRequest, signIn, type RawResponse } from "@/tests/support/http-auth";

const MIN = 60_000;
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
const json = <T>(response: RawResponse) => JSON.parse(response.body) as T;
type Problem = { status: number; detail: string; errors?: { path: string; message: string }[] };

function visit(startOffsetMin: number): number {
  return withDb(dir.file, (db) => {
    const startAt = new Date(Date.now() + startOffsetMin * MIN);
    return createManualBooking(
      db,
      { title: "Walk", startAt, endAt: new Date(startAt.getTime() + 60 * MIN), staffId: seed.alex },
      new Date(),
    ).id;
  });
}
/** Moves every recorded change of a booking `min` minutes into the past (past the undo window). */
const age = (id: number, min: number) =>
  withDb(dir.file, (db) =>
    db.prepare("UPDATE BookingEvent SET at = at - ? WHERE bookingId = ?").run(min * MIN, id),
  );
async function etagOf(id: number, who: Record<string, string>): Promise<string> {
  const response = await call("GET", `/api/v1/bookings/${id}`, who);
  expect(response.status).toBe(200);
  return String(response.headers.etag);
}
const patchV1 = async (id: number, who: Record<string, string>, body: unknown) =>
  call("PATCH", `/api/v1/bookings/${id}`, { ...who, "if-match": await etagOf(id, who) }, body);

describe.skipIf(!standaloneBuilt())("visit guards over HTTP", () => {
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

  it("refuses completing a visit three weeks ahead on both routes, for walker and owner alike", async () => {
    const id = visit(21 * 24 * 60);
    for (const who of [walker, owner]) {
      const v1 = await patchV1(id, who, { status: "completed" });
      expect(v1.status).toBe(422);
      const problem = json<Problem>(v1);
      expect(problem.errors?.[0]).toMatchObject({
        path: "body.status",
        message: expect.stringMatching(
          /^This visit cannot be marked completed yet: it starts at .+ can be recorded from/,
        ),
      });
      const staff = await call("PATCH", `/api/staff/bookings/${id}`, who, {
        action: "status",
        form: { status: "completed", note: "done" },
      });
      expect(staff.status).toBe(422);
      expect(json<Problem>(staff).detail).toMatch(/cannot be marked completed yet/);
    }
    const stored = json<{ status: string; notes: string | null }>(
      await call("GET", `/api/v1/bookings/${id}`, owner),
    );
    expect(stored).toMatchObject({ status: "scheduled", notes: null });
  });

  it("Start, Finish with a note, Undo within the window; later a walker gets 403 and the owner needs a reason", async () => {
    const id = visit(-20);
    const started = await patchV1(id, walker, { checkInAt: new Date().toISOString() });
    expect(started.status).toBe(200);
    const finished = await patchV1(id, walker, {
      checkOutAt: new Date().toISOString(),
      status: "completed",
      notes: "Ate well",
    });
    expect(finished.status).toBe(200);
    expect(json(finished)).toMatchObject({ status: "completed", notes: "Ate well" });
    // A mistaken tap, undone at once, and done again.
    expect((await patchV1(id, walker, { status: "scheduled", checkOutAt: null })).status).toBe(200);
    expect(
      (await patchV1(id, walker, { status: "completed", checkOutAt: new Date().toISOString() })).status,
    ).toBe(200);

    age(id, 20);
    const late = await patchV1(id, walker, { status: "scheduled", checkOutAt: null });
    expect(late.status).toBe(403);
    expect(json<Problem>(late).detail).toMatch(/^Only the owner can change the check-out/);
    const viaStaff = await call("PATCH", `/api/staff/bookings/${id}`, walker, {
      action: "status",
      form: { status: "scheduled" },
    });
    expect(viaStaff.status).toBe(403);
    expect(json<Problem>(viaStaff).detail).toMatch(/^Only the owner can change the outcome/);

    const noReason = await patchV1(id, owner, { status: "scheduled", checkOutAt: null });
    expect(noReason.status).toBe(422);
    expect(json<Problem>(noReason).errors?.[0]).toMatchObject({
      path: "body.reason",
      message: expect.stringContaining("is a correction: say why"),
    });
    const corrected = await patchV1(id, owner, {
      status: "scheduled",
      checkOutAt: null,
      reason: "Finished by mistake",
    });
    expect(corrected.status).toBe(200);
    expect(json(corrected)).toMatchObject({ status: "scheduled", checkOutAt: null });
    const history = json<{ data: { reason: string | null }[] }>(
      await call("GET", `/api/v1/bookings/${id}/history`, owner),
    );
    expect(history.data.map((e) => e.reason)).toContain("Finished by mistake");
  });

  it("takes check-in and check-out on the booking page as local date and time, in order", async () => {
    const id = visit(-90);
    const zone = withDb(dir.file, (db) => loadSettings(db).timeZone);
    const local = (offsetMin: number) =>
      new Intl.DateTimeFormat("sv-SE", {
        timeZone: zone,
        year: "numeric",
        month: "2-digit",
        day: "2-digit",
        hour: "2-digit",
        minute: "2-digit",
      })
        .format(new Date(Date.now() + offsetMin * MIN))
        .replace(" ", "T");
    const form = (checkIn: string, checkOut: string) => ({
      action: "status",
      form: { status: "completed", checkIn, checkOut },
    });
    const backwards = await call("PATCH", `/api/staff/bookings/${id}`, owner, form(local(-30), local(-60)));
    expect(backwards.status).toBe(422);
    expect(json<Problem>(backwards).errors?.[0]).toMatchObject({ path: "checkOut" });
    const future = await call("PATCH", `/api/staff/bookings/${id}`, owner, form(local(-60), local(60)));
    expect(future.status).toBe(422);
    expect(json<Problem>(future).detail).toMatch(/is in the future/);
    const ok = await call("PATCH", `/api/staff/bookings/${id}`, owner, form(local(-80), local(-20)));
    expect(ok.status).toBe(200);
  });
});
