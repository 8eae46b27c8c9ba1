// The staff screens' routes in-process on the demo business: field-named errors, nothing
// written on bad input, bulk assign all-or-none, manual bookings, the board endpoint.
import { describe, expect, it } from "vitest";
import { POST as assign } from "@/app/api/staff/bookings/assign/route";
import { PATCH as edit } from "@/app/api/staff/bookings/[id]/route";
import { POST as create } from "@/app/api/staff/bookings/route";
import { POST as staffCreate } from "@/app/api/staff/staff/route";
import { GET as board } from "@/app/api/staff/schedule/route";
import { signedInCookie, withAuth } from "@/tests/support/auth";
import { demoAppDatabase } from "@/tests/support/demo-app";

const demo = demoAppDatabase();

async function call(
  handler: (r: Request, c: never) => Promise<Response>,
  method: string,
  path: string,
  body?: unknown,
  params: Record<string, string> = {},
  role: "owner" | "staff" = "owner",
) {
  const request = withAuth(
    new Request(`http://localhost${path}`, {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
    { cookie: await signedInCookie(role) },
  );
  return handler(request, { params: Promise.resolve(params) } as never);
}

describe("/api/staff routes", () => {
  it("bulk assign is all or none, and a missing walker is a 422 naming staffId", async () => {
    const db = demo();
    const ids = (
      db.prepare("SELECT id FROM Booking WHERE staffId IS NULL LIMIT 3").all() as { id: number }[]
    ).map((r) => r.id);
    const before = db.prepare("SELECT sum(sequence) AS s FROM Booking").get();
    const bad = await call(assign, "POST", "/api/staff/bookings/assign", { ids, staffId: 999 });
    expect(bad.status).toBe(422);
    expect((await bad.json()).errors[0].path).toBe("staffId");
    expect(db.prepare("SELECT sum(sequence) AS s FROM Booking").get()).toEqual(before);
    const missing = await call(assign, "POST", "/api/staff/bookings/assign", {
      ids: [...ids, 99_999_999],
      staffId: 1,
    });
    expect(missing.status).toBe(404);
    expect(
      db.prepare(`SELECT count(*) AS n FROM Booking WHERE staffId = 1 AND id IN (${ids.join(",")})`).get(),
    ).toEqual({ n: 0 });
    const ok = await call(assign, "POST", "/api/staff/bookings/assign", { ids, staffId: 1 });
    expect(ok.status).toBe(200);
    expect(
      db
        .prepare(
          `SELECT count(*) AS n FROM Booking WHERE staffId = 1 AND overrideStaffId = 1 AND id IN (${ids.join(",")})`,
        )
        .get(),
    ).toEqual({ n: 3 });
  });

  it("bulk assign made from older versions is a 412 saying who changed what, and assigns nothing", async () => {
    const db = demo();
    const rows = db
      .prepare(
        "SELECT id, sequence, title FROM Booking WHERE staffId IS NULL AND status = 'scheduled' LIMIT 2",
      )
      .all() as { id: number; sequence: number; title: string }[];
    const versions = Object.fromEntries(rows.map((r) => [String(r.id), r.sequence]));
    // Someone else assigns the second visit after the schedule showed it.
    const other = await call(assign, "POST", "/api/staff/bookings/assign", {
      ids: [rows[1]!.id],
      staffId: 2,
      versions,
    });
    expect(other.status).toBe(200);
    const before = db.prepare("SELECT sum(sequence) AS s FROM Booking").get();
    const stale = await call(assign, "POST", "/api/staff/bookings/assign", {
      ids: rows.map((r) => r.id),
      staffId: 1,
      versions,
    });
    expect(stale.status).toBe(412);
    const detail = ((await stale.json()) as { detail: string }).detail;
    expect(detail).toMatch(/^Nothing was assigned: a visit changed since you chose it\. /);
    expect(detail).toContain(`${rows[1]!.title}, `);
    expect(detail).toMatch(/You changed the walker from nobody to [A-Z][a-z]+ [A-Z][a-z]+\./);
    expect(detail).not.toMatch(/\b[a-z]+[A-Z]\w*\b|_[a-z]/);
    expect(db.prepare("SELECT sum(sequence) AS s FROM Booking").get()).toEqual(before);
    expect(db.prepare("SELECT staffId FROM Booking WHERE id = ?").get(rows[0]!.id)).toEqual({
      staffId: null,
    });
  });

  it("reschedule reads the business zone; a bad time is a 422 naming the form field", async () => {
    const db = demo();
    const { id } = db.prepare("SELECT id FROM Booking WHERE sourceKind = 'subscription' LIMIT 1").get() as {
      id: number;
    };
    const bad = await call(
      edit,
      "PATCH",
      `/api/staff/bookings/${id}`,
      { action: "reschedule", form: { date: "2026-07-01", startTime: "25:00", durationMin: 30 } },
      { id: String(id) },
    );
    expect(bad.status).toBe(422);
    expect((await bad.json()).errors[0].path).toBe("form.startTime");
    const ok = await call(
      edit,
      "PATCH",
      `/api/staff/bookings/${id}`,
      { action: "reschedule", form: { date: "2026-07-01", startTime: "09:15", durationMin: 30 } },
      { id: String(id) },
    );
    expect(ok.status).toBe(200);
    const row = db.prepare("SELECT startAt, endAt FROM Booking WHERE id = ?").get(id) as {
      startAt: number;
      endAt: number;
    };
    expect(new Date(row.startAt).toISOString()).toBe("2026-07-01T08:15:00.000Z"); // BST
    expect(row.endAt - row.startAt).toBe(30 * 60_000);
    const done = await call(
      edit,
      "PATCH",
      `/api/staff/bookings/${id}`,
      { action: "status", form: { status: "completed", note: "fine", checkIn: "09:20", checkOut: "09:10" } },
      { id: String(id) },
    );
    expect(done.status).toBe(422);
    expect((await done.json()).errors[0].path).toBe("checkOut");
  });

  it("creates a manual booking with or without a client; an unknown client is refused by name", async () => {
    const db = demo();
    const base = {
      title: "Extra",
      serviceCode: "WALK",
      date: "2026-07-02",
      startTime: "14:00",
      durationMin: 45,
    };
    const unknown = await call(create, "POST", "/api/staff/bookings", {
      ...base,
      clientStripeId: "cus_nobody",
    });
    expect(unknown.status).toBe(422);
    expect((await unknown.json()).errors[0].path).toBe("clientStripeId");
    const none = await call(create, "POST", "/api/staff/bookings", base);
    expect(none.status).toBe(201);
    const { id } = (await none.json()) as { id: number };
    expect(db.prepare("SELECT sourceKind, clientStripeId FROM Booking WHERE id = ?").get(id)).toEqual({
      sourceKind: "manual",
      clientStripeId: null,
    });
  });

  it("staff members are created by the owner only; a duplicate email names the field", async () => {
    demo();
    const denied = await call(
      staffCreate,
      "POST",
      "/api/staff/staff",
      { name: "Kim", color: "#123456" },
      {},
      "staff",
    );
    expect(denied.status).toBe(403);
    const dup = await call(staffCreate, "POST", "/api/staff/staff", {
      name: "Alex 2",
      email: "alex@happypaws.example",
      color: "#123456",
    });
    expect(dup.status).toBe(409);
    expect((await dup.json()).errors[0].path).toBe("email");
    const badColour = await call(staffCreate, "POST", "/api/staff/staff", { name: "Kim", color: "blue" });
    expect((await badColour.json()).errors[0].path).toBe("color");
  });

  it("the board endpoint answers the week as JSON and refuses a bad filter", async () => {
    demo();
    const ok = await call(board, "GET", "/api/staff/schedule?view=week");
    expect(ok.status).toBe(200);
    const body = (await ok.json()) as { days: string[]; staff: unknown[] };
    expect(body.days).toHaveLength(7);
    expect(body.staff.length).toBe(3);
    expect((await call(board, "GET", "/api/staff/schedule?status=lost")).status).toBe(422);
  });
});
