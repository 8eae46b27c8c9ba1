// /api/v1 over HTTP against the built server (server/serve.ts → .next/standalone), through the
// typed client generated from the OpenAPI document. Every response is validated against the
// document the server serves, and that document is linted with Redocly CLI.
import { execFile } from "node:child_process";
import { writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  startAppServer,
  standaloneBuilt,
  WEBHOOK_SECRET,
  type AppServer,
} from "@/tests/support/faults/app-server";
import { preparedDataDir, removeDataDirs, withDb, type DataDir } from "@/tests/support/faults/data-dir";
import { killAll, REPO_ROOT, waitFor } from "@/tests/support/faults/processes";
import { signature } from "@/tests/support/faults/events";
import {
  apiClient,
  checkedFetch,
  contractChecker,
  type ContractChecker,
} from "@/tests/support/api-v1-client";
import { seedApiBusiness, subscriptionObject, WALK, type Seeded } from "@/tests/support/api-v1-seed";

const run = promisify(execFile);
const now = new Date();

let dir: DataDir;
let server: AppServer;
let base: string;
let seed: Seeded;
let checker: ContractChecker;
let doc: Parameters<typeof contractChecker>[0];

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const client = (token?: string) => apiClient(base, checker, token ? bearer(token) : {});
const raw = (url: string, init: RequestInit = {}) => checkedFetch(checker, `${base}${url}`, init);
const jsonHeaders = (token: string, extra: Record<string, string> = {}) => ({
  ...bearer(token),
  "content-type": "application/json",
  ...extra,
});
const problemOf = async (response: Response) =>
  (await response.json()) as {
    type: string;
    status: number;
    errors?: { path: string }[];
    current?: { id: number };
  };

/** Delivers a signed subscription event and waits until the server has applied it. */
async function deliver(id: string, object: object): Promise<void> {
  const payload = JSON.stringify({
    id,
    object: "event",
    type: "customer.subscription.updated",
    created: Math.floor(Date.now() / 1000),
    livemode: false,
    api_version: "2026-08-27",
    pending_webhooks: 1,
    request: null,
    data: { object },
  });
  const response = await fetch(`${base}/api/stripe/webhook`, {
    method: "POST",
    headers: { "content-type": "application/json", "stripe-signature": signature(payload, WEBHOOK_SECRET) },
    body: payload,
  });
  expect(response.status).toBe(200);
  await waitFor(
    async () =>
      withDb(dir.file, (db) => {
        const row = db.prepare("SELECT status FROM WebhookEvent WHERE stripeEventId = ?").get(id) as
          { status: string } | undefined;
        return row?.status === "processed";
      }),
    { timeoutMs: 20_000, intervalMs: 100, what: `event ${id} applied` },
  );
}

describe.skipIf(!standaloneBuilt())("/api/v1 over HTTP", () => {
  beforeAll(async () => {
    dir = preparedDataDir(now);
    seed = await seedApiBusiness(dir.file, now);
    server = await startAppServer(dir.dir, { env: { API_RATE_LIMIT_PER_MINUTE: "100000" } });
    base = server.url;
    doc = (await (await fetch(`${base}/api/v1/openapi.json`)).json()) as typeof doc;
    checker = contractChecker(doc);
  }, 90_000);
  afterAll(async () => {
    await killAll();
    removeDataDirs();
  });

  it("serves an OpenAPI 3.1 document that Redocly lints clean, and an offline reference page", async () => {
    expect(doc).toMatchObject({ openapi: "3.1.0" });
    const file = path.join(tmpdir(), `openapi-${process.pid}.json`);
    writeFileSync(file, JSON.stringify(doc));
    const lint = await run(
      process.execPath,
      [path.join(REPO_ROOT, "node_modules/@redocly/cli/bin/cli.js"), "lint", file, "--format=json"],
      { env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" } },
    ).catch((error: { stdout: string; code: number }) => ({ stdout: error.stdout, code: error.code }));
    const report = JSON.parse(lint.stdout) as { totals: { errors: number; warnings: number } };
    expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });

    const page = await fetch(`${base}/api/v1/docs`);
    expect(page.status).toBe(200);
    const html = await page.text();
    const nonce = /'nonce-([^']+)'/.exec(page.headers.get("content-security-policy") ?? "")?.[1];
    expect(nonce).toBeTruthy();
    expect(html).toContain(`nonce="${nonce}" src="/api/v1/docs/swagger-ui-bundle.js"`);
    expect(html).not.toMatch(/https?:\/\//);
    for (const asset of ["swagger-ui-bundle.js", "swagger-ui.css", "init.js"]) {
      expect((await fetch(`${base}/api/v1/docs/${asset}`)).status).toBe(200);
    }
    expect((await fetch(`${base}/api/v1/docs/nope.js`)).status).toBe(404);
  });

  it("GET /me, /staff, /services, /schedule, /clients answer per caller", async () => {
    const owner = client(seed.tokens.ownerRead);
    const alex = client(seed.tokens.alexRead);
    expect((await owner.GET("/api/v1/me")).data).toMatchObject({
      kind: "token",
      role: "owner",
      scope: "read",
    });
    expect((await alex.GET("/api/v1/me")).data).toMatchObject({
      role: "staff",
      staff: { id: seed.alex, name: "Alex" },
    });
    expect((await owner.GET("/api/v1/staff")).data?.data.map((s) => s.name)).toEqual(["Alex", "Sam"]);
    const services = (await owner.GET("/api/v1/services")).data?.data ?? [];
    expect(services.map((s) => s.serviceCode)).toContain("WALK60");
    // Eight whole days hold a weekly visit whatever the time of day the test runs (today's
    // may already be past and never booked).
    const week = (await owner.GET("/api/v1/schedule", { params: { query: { days: 8 } } })).data!;
    expect(week.columns.map((c) => c.staff?.name ?? null)).toEqual(["Alex", "Sam", null]);
    const inWeek = (
      await owner.GET("/api/v1/bookings", { params: { query: { from: week.from, to: week.to, limit: 200 } } })
    ).data!.data.filter((b) => b.status !== "cancelled");
    const ids = (list: { id: number }[]) => list.map((b) => b.id).sort((a, b) => a - b);
    expect(ids(week.columns[0]!.bookings)).toEqual(ids(inWeek.filter((b) => b.staffId === seed.alex)));
    expect(ids(week.columns[2]!.bookings)).toEqual(ids(inWeek.filter((b) => b.staffId === null)));
    expect(week.columns[0]!.bookings.length).toBeGreaterThanOrEqual(2);
    expect(week.columns[2]!.bookings.length).toBeGreaterThanOrEqual(1);
    const alexWeek = (await alex.GET("/api/v1/schedule", { params: { query: { days: 7 } } })).data!;
    expect(alexWeek.columns.map((c) => c.staff?.id)).toEqual([seed.alex]);

    const clients = (await owner.GET("/api/v1/clients", { params: { query: { q: "bob" } } })).data!;
    expect(clients).toEqual({
      data: [{ id: "cus_b", name: "Bob Brown", email: "bob@example.com", phone: "+442222" }],
      nextCursor: null,
      hasMore: false,
    });
    expect((await alex.GET("/api/v1/clients")).data?.data.map((c) => c.id)).toEqual(["cus_b"]);
    const bob = (await owner.GET("/api/v1/clients/{id}", { params: { path: { id: "cus_b" } } })).data!;
    expect(bob.subscriptions).toMatchObject([
      { id: "sub_b", status: "active", plan: ["Walks Mon/Wed/Fri (1h)"] },
    ]);
    expect(bob.upcomingBookings.length).toBeGreaterThan(10);
    const hidden = await alex.GET("/api/v1/clients/{id}", { params: { path: { id: "cus_a" } } });
    expect(hidden.response.status).toBe(404);
  });

  it("refuses anonymous, read-only, staff-on-owner and out-of-scope callers with typed problems", async () => {
    for (const url of ["/api/v1/me", "/api/v1/bookings", "/api/v1/changes", "/api/v1/sync"]) {
      const response = await raw(url);
      expect(response.status).toBe(401);
      expect((await problemOf(response)).type).toBe(`${base}/api/v1/problems/unauthenticated`);
    }
    const readOnly = await client(seed.tokens.ownerRead).POST("/api/v1/bookings", {
      body: {
        title: "x",
        startAt: now.toISOString(),
        endAt: new Date(now.getTime() + 3600_000).toISOString(),
      },
    });
    expect(readOnly.response.status).toBe(403);
    expect(readOnly.error?.type).toBe(`${base}/api/v1/problems/forbidden`);
    const alex = client(seed.tokens.alexWrite);
    expect((await alex.GET("/api/v1/sync")).response.status).toBe(403);
    expect((await alex.POST("/api/v1/sync", { body: {} })).response.status).toBe(403);
    const samBooking = (
      await client(seed.tokens.ownerRead).GET("/api/v1/bookings", {
        params: { query: { clientId: "cus_a", limit: 1 } },
      })
    ).data!.data[0]!;
    expect(
      (await alex.GET("/api/v1/bookings/{id}", { params: { path: { id: samBooking.id } } })).response.status,
    ).toBe(404);
    const own = (await alex.GET("/api/v1/bookings", { params: { query: { limit: 1 } } })).data!.data[0]!;
    const reassign = await alex.PATCH("/api/v1/bookings/{id}", {
      params: { path: { id: own.id } },
      body: { staffId: seed.sam },
    });
    expect(reassign.response.status).toBe(403);
    expect(reassign.error?.errors?.[0]?.path).toBe("body.staffId");
    const mine = await alex.GET("/api/v1/bookings", { params: { query: { limit: 200 } } });
    expect(mine.data!.data.every((b) => b.staffId === seed.alex)).toBe(true);
  });

  it("refuses invalid input with field paths, and unknown fields", async () => {
    const token = seed.tokens.ownerWrite;
    const cases: [string, RequestInit, number, string, string?][] = [
      ["/api/v1/bookings?bogus=1", { headers: bearer(token) }, 422, "validation-failed", "query.bogus"],
      ["/api/v1/bookings?limit=201", { headers: bearer(token) }, 422, "validation-failed", "query.limit"],
      ["/api/v1/bookings?from=yesterday", { headers: bearer(token) }, 422, "validation-failed", "query.from"],
      ["/api/v1/bookings?status=lost", { headers: bearer(token) }, 422, "validation-failed", "query.status"],
      ["/api/v1/bookings?cursor=abc", { headers: bearer(token) }, 422, "invalid-cursor", "cursor"],
      ["/api/v1/bookings/abc", { headers: bearer(token) }, 422, "validation-failed", "path.id"],
      ["/api/v1/bookings/999999", { headers: bearer(token) }, 404, "not-found"],
      ["/api/v1/clients/cus_nope", { headers: bearer(token) }, 404, "not-found"],
      ["/api/v1/schedule?days=15", { headers: bearer(token) }, 422, "validation-failed", "query.days"],
      ["/api/v1/changes?cursor=%%%", { headers: bearer(token) }, 422, "invalid-cursor", "cursor"],
      [
        "/api/v1/bookings",
        { method: "POST", headers: jsonHeaders(token), body: "{not json" },
        400,
        "malformed-request",
      ],
      [
        "/api/v1/bookings",
        { method: "POST", headers: { ...bearer(token), "content-type": "text/plain" }, body: "hi" },
        415,
        "unsupported-media-type",
      ],
      [
        "/api/v1/bookings",
        {
          method: "POST",
          headers: jsonHeaders(token),
          body: JSON.stringify({
            title: "x",
            startAt: "2026-12-10T09:00:00Z",
            endAt: "2026-12-10T10:00:00Z",
            bogus: 1,
          }),
        },
        422,
        "validation-failed",
        "body.bogus",
      ],
      [
        "/api/v1/bookings",
        {
          method: "POST",
          headers: jsonHeaders(token),
          body: JSON.stringify({ title: "x", startAt: "tomorrow", endAt: "2026-12-10T10:00:00Z" }),
        },
        422,
        "validation-failed",
        "body.startAt",
      ],
      [
        "/api/v1/bookings",
        {
          method: "POST",
          headers: jsonHeaders(token),
          body: JSON.stringify({
            title: "x",
            startAt: "2026-12-10T10:00:00Z",
            endAt: "2026-12-10T09:00:00Z",
          }),
        },
        422,
        "validation-failed",
        "body.endAt",
      ],
      [
        "/api/v1/bookings",
        {
          method: "POST",
          headers: jsonHeaders(token),
          body: JSON.stringify({
            title: "x",
            startAt: "2026-12-10T09:00:00Z",
            endAt: "2026-12-10T10:00:00Z",
            staffId: 999,
          }),
        },
        422,
        "validation-failed",
        "body.staffId",
      ],
      [
        "/api/v1/bookings",
        { method: "POST", headers: jsonHeaders(token, { "idempotency-key": "" }), body: "{}" },
        400,
        "malformed-request",
        "Idempotency-Key",
      ],
      ["/api/v1/feeds/999", { method: "DELETE", headers: bearer(token) }, 404, "not-found"],
    ];
    for (const [url, init, status, type, field] of cases) {
      const response = await raw(url, init);
      const body = await problemOf(response);
      expect({ url, status: response.status, type: body.type }).toEqual({
        url,
        status,
        type: `${base}/api/v1/problems/${type}`,
      });
      if (field) expect(body.errors?.map((e) => e.path)).toContain(field);
    }
  });

  it("creates a manual booking once per Idempotency-Key, even with concurrent retries", async () => {
    const body = {
      title: "Vet visit",
      startAt: "2027-01-05T10:00:00Z",
      endAt: "2027-01-05T10:30:00Z",
      clientId: "cus_a",
      staffId: seed.sam,
      notes: "bring the lead",
    };
    const headers = jsonHeaders(seed.tokens.ownerWrite, { "idempotency-key": "phone-retry-1" });
    const responses = await Promise.all(
      Array.from({ length: 8 }, () =>
        raw("/api/v1/bookings", { method: "POST", headers, body: JSON.stringify(body) }),
      ),
    );
    expect(responses.map((r) => r.status)).toEqual(Array(8).fill(201));
    const ids = await Promise.all(responses.map(async (r) => ((await r.json()) as { id: number }).id));
    expect(new Set(ids).size).toBe(1);
    expect(responses.filter((r) => r.headers.get("idempotent-replayed") === "true")).toHaveLength(7);
    expect(responses[0]!.headers.get("location")).toBe(`/api/v1/bookings/${ids[0]}`);
    const found = await client(seed.tokens.ownerRead).GET("/api/v1/bookings", {
      params: { query: { q: "Vet visit" } },
    });
    expect(found.data!.data.map((b) => b.id)).toEqual([ids[0]]);
    expect(found.data!.data[0]).toMatchObject({ source: { kind: "manual" }, clientName: "Alice Able" });
    const other = await raw("/api/v1/bookings", {
      method: "POST",
      headers,
      body: JSON.stringify({ ...body, title: "Another" }),
    });
    expect(other.status).toBe(422);
    expect((await problemOf(other)).type).toBe(`${base}/api/v1/problems/idempotency-key-reused`);
    // Keys belong to their caller: the same key from another token is a new request.
    const alexCreate = await raw("/api/v1/bookings", {
      method: "POST",
      headers: jsonHeaders(seed.tokens.alexWrite, { "idempotency-key": "phone-retry-1" }),
      body: JSON.stringify({ ...body, staffId: undefined, clientId: "cus_b" }),
    });
    expect(alexCreate.status).toBe(201);
    expect(((await alexCreate.json()) as { staffId: number }).staffId).toBe(seed.alex);
  });

  it("PATCH honours If-Match (412 with the current state), replays by key, and edits stay sticky", async () => {
    const owner = client(seed.tokens.ownerWrite);
    const booking = (
      await owner.GET("/api/v1/bookings", { params: { query: { clientId: "cus_a", limit: 3 } } })
    ).data!.data[2]!;
    const first = await owner.GET("/api/v1/bookings/{id}", { params: { path: { id: booking.id } } });
    const etag = first.response.headers.get("etag")!;
    expect(etag).toMatch(/^"/);
    const notModified = await raw(`/api/v1/bookings/${booking.id}`, {
      headers: { ...bearer(seed.tokens.ownerRead), "if-none-match": etag },
    });
    expect(notModified.status).toBe(304);
    const cancel = await owner.PATCH("/api/v1/bookings/{id}", {
      params: { path: { id: booking.id }, header: { "If-Match": etag, "Idempotency-Key": "cancel-1" } },
      body: { status: "cancelled", reason: "client away" },
    });
    expect(cancel.response.status).toBe(200);
    expect(cancel.data).toMatchObject({
      status: "cancelled",
      statusReason: "client away",
      overridden: { status: true },
    });
    expect(cancel.data!.sequence).toBe(booking.sequence + 1);
    const replay = await owner.PATCH("/api/v1/bookings/{id}", {
      params: { path: { id: booking.id }, header: { "If-Match": etag, "Idempotency-Key": "cancel-1" } },
      body: { status: "cancelled", reason: "client away" },
    });
    expect(replay.response.headers.get("idempotent-replayed")).toBe("true");
    expect(replay.data).toEqual(cancel.data);
    const stale = await owner.PATCH("/api/v1/bookings/{id}", {
      params: { path: { id: booking.id }, header: { "If-Match": etag } },
      body: { notes: "late" },
    });
    expect(stale.response.status).toBe(412);
    expect(stale.error?.current).toMatchObject({ id: booking.id, status: "cancelled" });
    expect(stale.response.headers.get("etag")).toBe(cancel.response.headers.get("etag"));
    const history = await owner.GET("/api/v1/bookings/{id}/history", {
      params: { path: { id: booking.id } },
    });
    expect(history.data!.data.at(-1)).toMatchObject({
      kind: "edited",
      actor: "token:owner-write",
      reason: "client away",
    });
    // A webhook that re-derives the subscription leaves the staff cancel in place.
    const touched = subscriptionObject("sub_a", "cus_a", WALK, now, { metadata: { touched: "1" } });
    await deliver("evt_api_v1_touch", touched);
    const after = await owner.GET("/api/v1/bookings/{id}", { params: { path: { id: booking.id } } });
    expect(after.data).toMatchObject({ status: "cancelled", statusReason: "client away" });
    const live = await owner.GET("/api/v1/bookings", {
      params: { query: { clientId: "cus_a", status: "scheduled" } },
    });
    expect(live.data!.data.length).toBeGreaterThan(3);
  });

  it("walks every booking exactly once while bookings are added and rescheduled (property)", async () => {
    const fc = await import("fast-check");
    const owner = client(seed.tokens.ownerWrite);
    const all = async () => {
      const ids: number[] = [];
      let cursor: string | undefined;
      do {
        const page = (await owner.GET("/api/v1/bookings", { params: { query: { limit: 200, cursor } } }))
          .data!;
        ids.push(...page.data.map((b) => b.id));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return ids;
    };
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 7 }),
        fc.array(fc.constantFrom("insert", "move", "none"), { minLength: 1, maxLength: 12 }),
        async (limit, writes) => {
          const before = await all();
          const seen: number[] = [];
          let cursor: string | undefined;
          let step = 0;
          do {
            const page = (await owner.GET("/api/v1/bookings", { params: { query: { limit, cursor } } }))
              .data!;
            seen.push(...page.data.map((b) => b.id));
            cursor = page.nextCursor ?? undefined;
            // The walk ends however fast rows are added: it covers the rows of its first page's moment.
            expect(step, "pages walked").toBeLessThanOrEqual(Math.ceil(before.length / limit));
            const write = writes[step++ % writes.length];
            if (write === "insert") {
              n += 1;
              const at = new Date(Date.UTC(2026, 11, 1) - n * 3600_000);
              await owner.POST("/api/v1/bookings", {
                body: {
                  title: `walk-${n}`,
                  startAt: at.toISOString(),
                  endAt: new Date(at.getTime() + 1800_000).toISOString(),
                },
              });
            } else if (write === "move") {
              const id = before[(step * 7) % before.length]!;
              await owner.PATCH("/api/v1/bookings/{id}", {
                params: { path: { id } },
                body: { startAt: new Date(Date.UTC(2027, 0, 1) + step * 60_000).toISOString() },
              });
            }
          } while (cursor);
          expect(new Set(seen).size).toBe(seen.length);
          expect(before.filter((id) => !seen.includes(id))).toEqual([]);
        },
      ),
      // One page at a time with a booking added after each: the case that never ended unbounded.
      { numRuns: 6, examples: [[1, ["insert"]]] },
    );
  }, 120_000);

  it("the changes feed shows bookings a webhook cancelled, and history names the event", async () => {
    const owner = client(seed.tokens.ownerRead);
    let cursor: string | undefined;
    let poll = "";
    do {
      const page = (await owner.GET("/api/v1/changes", { params: { query: { cursor, limit: 200 } } })).data!;
      cursor = page.nextCursor ?? undefined;
      poll = page.pollCursor;
    } while (cursor);
    const cancelled = subscriptionObject("sub_a", "cus_a", WALK, now, {
      status: "canceled",
      canceled_at: Math.floor(now.getTime() / 1000),
      ended_at: Math.floor(now.getTime() / 1000),
    });
    await deliver("evt_api_v1_cancel", cancelled);
    const changes = await waitFor(
      async () => {
        const page = (await owner.GET("/api/v1/changes", { params: { query: { cursor: poll } } })).data!;
        return page.data.length > 0 ? page : false;
      },
      { timeoutMs: 20_000, intervalMs: 200, what: "changes after the webhook" },
    );
    const bookings = changes.data.filter((c) => c.entity === "booking");
    expect(bookings.length).toBeGreaterThan(0);
    for (const change of bookings) {
      expect(change).toMatchObject({ op: "upsert", booking: { status: "cancelled", clientId: "cus_a" } });
    }
    expect(changes.data.map((c) => c.seq)).toEqual([...changes.data.map((c) => c.seq)].sort((a, b) => a - b));
    const id = bookings.find((c) => c.booking?.statusReason === "subscription_canceled")!.booking!.id;
    const history = (await owner.GET("/api/v1/bookings/{id}/history", { params: { path: { id } } })).data!
      .data;
    expect(history.at(-1)).toMatchObject({
      kind: "derived",
      actor: "stripe",
      cause: "stripe:evt_api_v1_cancel",
    });
    // A walker's phone sees a booking reassigned away from it as a removal (no data).
    const alexBooking = (
      await client(seed.tokens.alexRead).GET("/api/v1/bookings", { params: { query: { limit: 1 } } })
    ).data!.data[0]!;
    const alexPoll = (
      await client(seed.tokens.alexRead).GET("/api/v1/changes", { params: { query: { limit: 200 } } })
    ).data!;
    let alexCursor = alexPoll.pollCursor;
    for (let page = alexPoll; page.nextCursor;) {
      page = (
        await client(seed.tokens.alexRead).GET("/api/v1/changes", {
          params: { query: { cursor: page.nextCursor, limit: 200 } },
        })
      ).data!;
      alexCursor = page.pollCursor;
    }
    await client(seed.tokens.ownerWrite).PATCH("/api/v1/bookings/{id}", {
      params: { path: { id: alexBooking.id } },
      body: { staffId: seed.sam },
    });
    const gone = (
      await client(seed.tokens.alexRead).GET("/api/v1/changes", { params: { query: { cursor: alexCursor } } })
    ).data!;
    expect(gone.data).toContainEqual({
      seq: expect.any(Number),
      entity: "booking",
      id: String(alexBooking.id),
      op: "remove",
    });
    expect(gone.data.filter((c) => c.op === "upsert")).toEqual([]);
  });

  it("sync status and start (owner), own feeds created and revoked", async () => {
    const owner = client(seed.tokens.ownerWrite);
    const status = await owner.GET("/api/v1/sync");
    expect(status.data).toMatchObject({ running: false });
    const started = await owner.POST("/api/v1/sync", { body: {} });
    expect([202, 409]).toContain(started.response.status);
    const feed = await client(seed.tokens.alexWrite).POST("/api/v1/feeds", { body: { label: "my phone" } });
    expect(feed.response.status).toBe(201);
    expect(feed.data).toMatchObject({ scope: "staff", staffId: seed.alex });
    const ics = await fetch(feed.data!.url.replace(/^https?:\/\/[^/]+/, base));
    expect(ics.status).toBe(200);
    expect(await ics.text()).toContain("BEGIN:VCALENDAR");
    const ownerFeed = await owner.POST("/api/v1/feeds", { body: {} });
    expect(ownerFeed.data).toMatchObject({ scope: "business" });
    const notYours = await client(seed.tokens.alexWrite).DELETE("/api/v1/feeds/{id}", {
      params: { path: { id: ownerFeed.data!.id } },
    });
    expect(notYours.response.status).toBe(404);
    const revoked = await client(seed.tokens.alexWrite).DELETE("/api/v1/feeds/{id}", {
      params: { path: { id: feed.data!.id } },
    });
    expect(revoked.response.status).toBe(204);
    expect((await fetch(feed.data!.url.replace(/^https?:\/\/[^/]+/, base))).status).toBe(404);
  });

  it("every response the tests received matches the served document", () => {
    expect(checker.checked).toBeGreaterThan(100);
    expect(checker.violations).toEqual([]);
  });
});

describe.skipIf(!standaloneBuilt())("/api/v1 limits and CORS", () => {
  let limited: AppServer;
  let tokens: Seeded["tokens"];
  const ORIGIN = "https://app.example.com";

  beforeAll(async () => {
    const other = preparedDataDir(now);
    tokens = (await seedApiBusiness(other.file, now)).tokens;
    limited = await startAppServer(other.dir, {
      env: { API_RATE_LIMIT_PER_MINUTE: "3", API_CORS_ORIGINS: ORIGIN },
    });
  }, 90_000);
  afterAll(async () => {
    await killAll();
    removeDataDirs();
  });

  it("answers 429 with Retry-After once a token's bucket is empty; other tokens are unaffected", async () => {
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i < 5; i += 1) {
      last = await fetch(`${limited.url}/api/v1/me`, { headers: bearer(tokens.ownerRead) });
      statuses.push(last.status);
    }
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    expect(Number(last!.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(((await last!.json()) as { type: string }).type).toBe(
      `${limited.url}/api/v1/problems/rate-limited`,
    );
    expect((await fetch(`${limited.url}/api/v1/me`, { headers: bearer(tokens.alexRead) })).status).toBe(200);
  });

  it("allows only the configured origins", async () => {
    const preflight = await fetch(`${limited.url}/api/v1/bookings`, {
      method: "OPTIONS",
      headers: { origin: ORIGIN, "access-control-request-method": "PATCH" },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe(ORIGIN);
    expect(preflight.headers.get("access-control-allow-headers")).toContain("idempotency-key");
    const foreign = await fetch(`${limited.url}/api/v1/bookings`, {
      method: "OPTIONS",
      headers: { origin: "https://evil.example", "access-control-request-method": "GET" },
    });
    expect(foreign.headers.get("access-control-allow-origin")).toBeNull();
    const simple = await fetch(`${limited.url}/api/v1/me`, {
      headers: { ...bearer(tokens.alexWrite), origin: ORIGIN },
    });
    expect(simple.headers.get("access-control-allow-origin")).toBe(ORIGIN);
    expect(simple.headers.get("access-control-expose-headers")).toContain("ETag");
  });
});
