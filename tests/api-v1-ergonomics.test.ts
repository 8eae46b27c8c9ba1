// /api/v1 over HTTP against the built server: every answer is problem JSON (unknown paths and
// methods included) with absolute, resolvable type URIs and a request id; 422s say in words what
// is wrong; domain validation; idempotent retries compared as JSON; ETags everywhere; time-ordered
// keyset lists with hasMore, several statuses and expand; offline check-in/out with a 412 that
// says what to merge. Every response is validated against the served document.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAppServer, standaloneBuilt, type AppServer } from "@/tests/support/faults/app-server";
import { preparedDataDir, removeDataDirs, withDb, type DataDir } from "@/tests/support/faults/data-dir";
import { killAll } from "@/tests/support/faults/processes";
import {
  apiClient,
  checkedFetch,
  contractChecker,
  type ContractChecker,
} from "@/tests/support/api-v1-client";
import { seedApiBusiness, type Seeded } from "@/tests/support/api-v1-seed";

const now = new Date();
const PUBLIC_URL = "https://bookings.example.test";
const MIN = 60_000;
const HOUR = 60 * MIN;

let dir: DataDir;
let server: AppServer;
let base: string;
let seed: Seeded;
let checker: ContractChecker;

type Problem = {
  type: string;
  title: string;
  status: number;
  detail?: string;
  requestId?: string;
  errors?: { path: string; message: string }[];
  current?: Record<string, unknown>;
  changes?: { kind: string; actor: string; changes: Record<string, [unknown, unknown]> }[] | null;
};

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const client = (token: string) => apiClient(base, checker, bearer(token));
const raw = (url: string, init: RequestInit = {}) => checkedFetch(checker, `${base}${url}`, init);
const jsonHeaders = (token: string, extra: Record<string, string> = {}) => ({
  ...bearer(token),
  "content-type": "application/json",
  ...extra,
});
const send = (
  method: string,
  url: string,
  token: string,
  body: unknown,
  extra: Record<string, string> = {},
) =>
  raw(url, {
    method,
    headers: jsonHeaders(token, extra),
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
const typeOf = (slug: string) => `${PUBLIC_URL}/api/v1/problems/${slug}`;

async function problemOf(response: Response): Promise<Problem> {
  expect(response.headers.get("content-type")).toContain("application/problem+json");
  const body = (await response.json()) as Problem;
  expect(body.requestId).toBe(response.headers.get("request-id"));
  return body;
}

const inHours = (hours: number) => new Date(now.getTime() + hours * HOUR).toISOString();

/** A scheduled booking of Alex's (Bob's walks), the n-th soonest from now. */
async function alexBooking(n = 0) {
  const page = await client(seed.tokens.alexRead).GET("/api/v1/bookings", {
    params: { query: { from: now.toISOString(), sort: "startAt", status: "scheduled", limit: n + 1 } },
  });
  return page.data!.data[n]!;
}

/**
 * Moves a booking (by the owner) to have started `minutesAgo`: a visit is checked in, completed
 * or marked no-show only from shortly before its start (lib/bookings/visit-guards.ts).
 */
async function begun(id: number, minutesAgo: number) {
  const moved = await client(seed.tokens.ownerWrite).PATCH("/api/v1/bookings/{id}", {
    params: { path: { id } },
    body: { startAt: new Date(Date.now() - minutesAgo * MIN).toISOString() },
  });
  expect(moved.response.status).toBe(200);
  return moved.data!;
}

describe.skipIf(!standaloneBuilt())("/api/v1 errors, validation and ergonomics over HTTP", () => {
  beforeAll(async () => {
    dir = preparedDataDir(now);
    seed = await seedApiBusiness(dir.file, now);
    server = await startAppServer(dir.dir, {
      env: { API_RATE_LIMIT_PER_MINUTE: "100000", PUBLIC_URL, LOG_LEVEL: "info" },
    });
    base = server.url;
    checker = contractChecker(await (await fetch(`${base}/api/v1/openapi.json`)).json());
  }, 90_000);
  afterAll(async () => {
    await killAll();
    removeDataDirs();
  });

  it("answers unknown paths with a 404 problem and unknown methods with a 405 problem and Allow", async () => {
    for (const [method, url] of [
      ["GET", "/api/v1/nowhere"],
      ["POST", "/api/v1/bookings/1/nope"],
      ["DELETE", "/api/v1/a/b/c"],
    ] as const) {
      const response = await raw(url, { method, headers: bearer(seed.tokens.ownerRead) });
      expect(response.status, `${method} ${url}`).toBe(404);
      const problem = await problemOf(response);
      expect(problem).toMatchObject({ type: typeOf("not-found"), status: 404 });
      expect(problem.detail).toContain(url);
    }
    const cases: [string, string, string][] = [
      ["PUT", "/api/v1/bookings/1", "GET, HEAD, PATCH, OPTIONS"],
      ["DELETE", "/api/v1/bookings/1", "GET, HEAD, PATCH, OPTIONS"],
      ["PUT", "/api/v1/bookings", "GET, HEAD, POST, OPTIONS"],
      ["DELETE", "/api/v1/me", "GET, HEAD, OPTIONS"],
      ["GET", "/api/v1/feeds", "POST, OPTIONS"],
      ["PATCH", "/api/v1/clients/cus_a", "GET, HEAD, OPTIONS"],
    ];
    for (const [method, url, allow] of cases) {
      const response = await raw(url, { method, headers: bearer(seed.tokens.ownerWrite) });
      expect(response.status, `${method} ${url}`).toBe(405);
      expect(response.headers.get("allow")).toBe(allow);
      const problem = await problemOf(response);
      expect(problem).toMatchObject({ type: typeOf("method-not-allowed"), status: 405 });
      expect(problem.detail).toContain(method);
    }
  });

  it("401s carry WWW-Authenticate: Bearer, naming an invalid token when one was sent", async () => {
    const none = await raw("/api/v1/bookings");
    expect(none.status).toBe(401);
    expect(none.headers.get("www-authenticate")).toBe('Bearer realm="api"');
    expect((await problemOf(none)).type).toBe(typeOf("unauthenticated"));
    const bad = await raw("/api/v1/me", { headers: bearer("sbk_not_a_token") });
    expect(bad.status).toBe(401);
    expect(bad.headers.get("www-authenticate")).toBe('Bearer realm="api", error="invalid_token"');
    expect((await problemOf(bad)).type).toBe(typeOf("unauthenticated"));
  });

  it("says in words which fields are wrong and the format expected", async () => {
    const token = seed.tokens.ownerWrite;
    const cases: [Promise<Response>, string[]][] = [
      [
        raw("/api/v1/bookings?from=yesterday", { headers: bearer(token) }),
        ["`query.from` must be a date-time like 2026-12-07T09:00:00Z or a date like 2026-12-07"],
      ],
      [raw("/api/v1/bookings?limit=abc", { headers: bearer(token) }), ["`query.limit` must be a number"]],
      [raw("/api/v1/bookings?limit=500", { headers: bearer(token) }), ["`query.limit` must be at most 200"]],
      [
        raw("/api/v1/bookings?status=scheduled,lost&bogus=1", { headers: bearer(token) }),
        [
          "`query.status` must be one or more of scheduled, held, cancelled, completed, no_show, separated by commas",
          "`query.bogus` is not a known field",
        ],
      ],
      [
        send("POST", "/api/v1/bookings", token, { startAt: "tomorrow", endAt: inHours(2) }),
        ["`body.title` is required", "`body.startAt` must be a date-time like 2026-12-07T09:00:00Z"],
      ],
      [
        send("PATCH", `/api/v1/bookings/${(await alexBooking()).id}`, token, { status: "lost" }),
        ["`body.status` must be one of"],
      ],
    ];
    for (const [pending, phrases] of cases) {
      const response = await pending;
      expect(response.status).toBe(422);
      const problem = await problemOf(response);
      expect(problem.type).toBe(typeOf("validation-failed"));
      for (const phrase of phrases) expect(problem.detail).toContain(phrase);
      expect(problem.detail).not.toMatch(/Invalid input|received|NaN|expected/);
      expect(problem.errors!.length).toBeGreaterThan(0);
    }
  });

  it("gives absolute problem type URIs (PUBLIC_URL) that resolve to a page explaining them", async () => {
    const problem = await problemOf(
      await raw("/api/v1/bookings?limit=0", { headers: bearer(seed.tokens.ownerRead) }),
    );
    expect(problem.type).toBe(`${PUBLIC_URL}/api/v1/problems/validation-failed`);
    const page = await fetch(problem.type.replace(PUBLIC_URL, base));
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toContain("text/html");
    const html = await page.text();
    expect(html).toContain("<h1>Validation failed</h1>");
    expect(html).toContain("HTTP 422");
    for (const slug of ["not-found", "precondition-failed", "secret-shown-once", "rate-limited"]) {
      expect((await fetch(`${base}/api/v1/problems/${slug}`)).status, slug).toBe(200);
    }
    const unknown = await raw("/api/v1/problems/no-such-type");
    expect(unknown.status).toBe(404);
    expect((await problemOf(unknown)).type).toBe(typeOf("not-found"));
  });

  it("puts a Request-Id on every response, and the log line carries it", async () => {
    const ok = await raw("/api/v1/me", { headers: bearer(seed.tokens.ownerRead) });
    const id = ok.headers.get("request-id")!;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const other = await raw("/api/v1/me", { headers: bearer(seed.tokens.ownerRead) });
    expect(other.headers.get("request-id")).not.toBe(id);
    await expect.poll(() => server.child.stderr(), { timeout: 5000 }).toContain(id);
    const line = server.child
      .stderr()
      .split("\n")
      .find((l) => l.includes(id))!;
    expect(JSON.parse(line)).toMatchObject({ route: "v1.me", status: 200, requestId: id });
  });

  it("refuses what the domain does not allow: from after to, unknown services, long or far bookings, empty PATCH", async () => {
    const token = seed.tokens.ownerWrite;
    const booking = await alexBooking();
    const cases: [Promise<Response>, string, string][] = [
      [
        raw("/api/v1/bookings?from=2026-12-10&to=2026-12-01", { headers: bearer(token) }),
        "query.to",
        "must not be before `from`",
      ],
      [
        send("POST", "/api/v1/bookings", token, {
          title: "x",
          serviceCode: "TELEPORT",
          startAt: inHours(1),
          endAt: inHours(2),
        }),
        "body.serviceCode",
        "must be a known service code",
      ],
      [
        send("POST", "/api/v1/bookings", token, {
          title: "x",
          startAt: inHours(1),
          endAt: inHours(1 + 400 * 24),
        }),
        "body.endAt",
        "at most 24 hours",
      ],
      [
        send("PATCH", `/api/v1/bookings/${booking.id}`, token, { startAt: "1970-01-01T09:00:00Z" }),
        "body.startAt",
        "within 730 days of today",
      ],
      [
        send("POST", "/api/v1/bookings", token, {
          title: "x",
          startAt: "2031-01-01T09:00:00Z",
          endAt: "2031-01-01T10:00:00Z",
        }),
        "body.startAt",
        "within 730 days of today",
      ],
      [send("PATCH", `/api/v1/bookings/${booking.id}`, token, {}), "body", "at least one field"],
      [
        send("PATCH", `/api/v1/bookings/${booking.id}`, token, { reason: "why" }),
        "body",
        "at least one field",
      ],
      [
        raw(`/api/v1/bookings/${booking.id}`, { method: "PATCH", headers: bearer(token) }),
        "body",
        "at least one field",
      ],
    ];
    for (const [pending, path, phrase] of cases) {
      const response = await pending;
      expect(response.status, path).toBe(422);
      const problem = await problemOf(response);
      expect(problem.errors).toContainEqual({ path, message: expect.stringContaining(phrase) as string });
      expect(problem.detail).toContain(`\`${path}\``);
    }
    // A service the rules know, for its own length; nothing was written by the refusals.
    const ok = await send("POST", "/api/v1/bookings", token, {
      title: "Walk",
      serviceCode: "WALK60",
      startAt: inHours(30),
      endAt: inHours(31),
    });
    expect(ok.status).toBe(201);
    const after = await client(token).GET("/api/v1/bookings/{id}", { params: { path: { id: booking.id } } });
    expect(after.data!.sequence).toBe(booking.sequence);
  });

  it("q matches %, _ and \\ literally (no wildcards)", async () => {
    const owner = client(seed.tokens.ownerRead);
    for (const q of ["%", "_", "\\", "%%", "b_b"]) {
      expect((await owner.GET("/api/v1/clients", { params: { query: { q } } })).data!.data, q).toEqual([]);
      expect((await owner.GET("/api/v1/bookings", { params: { query: { q } } })).data!.data, q).toEqual([]);
    }
    const bob = await owner.GET("/api/v1/clients", { params: { query: { q: "Bob" } } });
    expect(bob.data!.data.map((c) => c.id)).toEqual(["cus_b"]);
  });

  it("replays a retry whose JSON has the same fields in another order; a feed's secret URL is never replayed", async () => {
    const token = seed.tokens.ownerWrite;
    const key = { "idempotency-key": "reordered-1" };
    const first = await send(
      "POST",
      "/api/v1/bookings",
      token,
      `{"title":"Reordered","startAt":"${inHours(50)}","endAt":"${inHours(51)}"}`,
      key,
    );
    expect(first.status).toBe(201);
    const retry = await send(
      "POST",
      "/api/v1/bookings",
      token,
      `{ "endAt" : "${inHours(51)}",\n  "startAt": "${inHours(50)}", "title": "Reordered" }`,
      key,
    );
    expect(retry.status).toBe(201);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(((await retry.json()) as { id: number }).id).toBe(((await first.json()) as { id: number }).id);
    const changed = await send(
      "POST",
      "/api/v1/bookings",
      token,
      { title: "Reordered!", startAt: inHours(50), endAt: inHours(51) },
      key,
    );
    expect(changed.status).toBe(422);
    expect((await problemOf(changed)).type).toBe(typeOf("idempotency-key-reused"));

    const feedKey = { "idempotency-key": "feed-once" };
    const feed = await send("POST", "/api/v1/feeds", seed.tokens.alexWrite, { label: "phone" }, feedKey);
    expect(feed.status).toBe(201);
    const created = (await feed.json()) as { id: number; url: string };
    const secret = created.url
      .split("/")
      .at(-1)!
      .replace(/\.ics$/, "");
    expect(secret.length).toBeGreaterThan(10);
    const again = await send("POST", "/api/v1/feeds", seed.tokens.alexWrite, { label: "phone" }, feedKey);
    expect(again.status).toBe(409);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    const text = await again.clone().text();
    expect(text).not.toContain(secret);
    const problem = await problemOf(again);
    expect(problem).toMatchObject({ type: typeOf("secret-shown-once"), current: { id: created.id } });
    const stored = withDb(dir.file, (db) =>
      db.prepare("SELECT body FROM IdempotencyKey WHERE key = 'feed-once'").all(),
    ) as { body: string }[];
    expect(stored).toHaveLength(1);
    expect(stored[0]!.body).not.toContain(secret);
  });

  it("gives every single resource and list an ETag, and 304 on If-None-Match", async () => {
    const token = seed.tokens.ownerRead;
    for (const url of [
      "/api/v1/clients/cus_b",
      `/api/v1/bookings/${(await alexBooking()).id}`,
      "/api/v1/me",
      "/api/v1/bookings?limit=5",
      "/api/v1/staff",
    ]) {
      const first = await raw(url, { headers: bearer(token) });
      expect(first.status, url).toBe(200);
      const etag = first.headers.get("etag");
      expect(etag, url).toMatch(/^"[^"]+"$/);
      const again = await raw(url, { headers: { ...bearer(token), "if-none-match": `W/"x", ${etag}` } });
      expect(again.status, url).toBe(304);
      expect(again.headers.get("etag")).toBe(etag);
      expect(await again.text()).toBe("");
    }
    const client1 = await raw("/api/v1/clients/cus_b", { headers: bearer(token) });
    const stale = await raw("/api/v1/clients/cus_b", {
      headers: { ...bearer(token), "if-none-match": '"stale"' },
    });
    expect(stale.status).toBe(200);
    expect(stale.headers.get("etag")).toBe(client1.headers.get("etag"));
  });

  it("lists in time order with a keyset cursor and hasMore, several statuses at once, and expand", async () => {
    const alex = client(seed.tokens.alexRead);
    const from = now.toISOString();
    const everything = (
      await alex.GET("/api/v1/bookings", { params: { query: { from, limit: 200, status: "scheduled" } } })
    ).data!.data;
    expect(everything.length).toBeGreaterThan(6);
    const walked: { id: number; startAt: string }[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = (
        await alex.GET("/api/v1/bookings", {
          params: { query: { from, sort: "startAt", status: "scheduled", limit: 4, cursor } },
        })
      ).data!;
      walked.push(...page.data);
      expect(page.hasMore).toBe(page.nextCursor !== null);
      cursor = page.nextCursor ?? undefined;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(Math.ceil(everything.length / 4));
    const times = walked.map((b) => Date.parse(b.startAt));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(walked.map((b) => b.id).sort()).toEqual(everything.map((b) => b.id).sort());
    expect(times[0]).toBeGreaterThanOrEqual(now.getTime());

    // Several statuses at once (one completed visit among the scheduled).
    const done = await begun((await alexBooking(1)).id, 30);
    const owner = client(seed.tokens.ownerWrite);
    await owner.PATCH("/api/v1/bookings/{id}", {
      params: { path: { id: done.id } },
      body: { status: "completed" },
    });
    const both = (
      await alex.GET("/api/v1/bookings", { params: { query: { status: "scheduled,completed", limit: 200 } } })
    ).data!.data;
    expect(new Set(both.map((b) => b.status))).toEqual(new Set(["scheduled", "completed"]));
    const onlyDone = (await alex.GET("/api/v1/bookings", { params: { query: { status: "completed" } } }))
      .data!;
    expect(onlyDone.data.map((b) => b.id)).toContain(done.id);
    expect(onlyDone.hasMore).toBe(false);

    const expanded = (
      await alex.GET("/api/v1/bookings", { params: { query: { expand: "client,staff", limit: 2 } } })
    ).data!.data;
    expect(expanded[0]).toMatchObject({
      client: { id: "cus_b", name: "Bob Brown", email: "bob@example.com" },
      staff: { id: seed.alex, name: "Alex", active: true },
    });
    const one = await alex.GET("/api/v1/bookings/{id}", {
      params: { path: { id: done.id }, query: { expand: "staff" } },
    });
    expect(one.data).toMatchObject({ staff: { id: seed.alex } });
    expect(one.data).not.toHaveProperty("client");
    const plain = (await alex.GET("/api/v1/bookings", { params: { query: { limit: 1 } } })).data!.data[0]!;
    expect(plain).not.toHaveProperty("client");
  });

  it("records a visit checked in and out offline with the phone's times; refuses impossible times", async () => {
    const phone = client(seed.tokens.alexWrite);
    const booking = await begun((await alexBooking(2)).id, 80);
    const checkIn = new Date(now.getTime() - 75 * MIN);
    const checkOut = new Date(now.getTime() - 20 * MIN);
    // Written offline in the phone's own zone (+01:00): stored as the same instants.
    const local = (at: Date) => new Date(at.getTime() + HOUR).toISOString().replace("Z", "+01:00");
    const bad: [Record<string, string>, string, string][] = [
      [{ checkInAt: inHours(1) }, "body.checkInAt", "must not be in the future"],
      [
        { checkInAt: local(checkIn), checkOutAt: local(checkIn) },
        "body.checkOutAt",
        "must be after `checkInAt`",
      ],
      [{ checkInAt: checkOut.toISOString(), checkOutAt: checkIn.toISOString() }, "body.checkOutAt", "after"],
      [{ checkInAt: "2026-12-07T09:00" }, "body.checkInAt", "date-time like"],
    ];
    for (const [body, path, phrase] of bad) {
      const response = await send("PATCH", `/api/v1/bookings/${booking.id}`, seed.tokens.alexWrite, body);
      expect(response.status, JSON.stringify(body)).toBe(422);
      expect((await problemOf(response)).errors).toContainEqual({
        path,
        message: expect.stringContaining(phrase) as string,
      });
    }
    const checkedIn = await phone.PATCH("/api/v1/bookings/{id}", {
      params: { path: { id: booking.id } },
      body: { checkInAt: local(checkIn) },
    });
    expect(checkedIn.response.status).toBe(200);
    expect(checkedIn.data!.checkInAt).toBe(checkIn.toISOString());
    // A check-out before the check-in already stored is refused too.
    const early = await send("PATCH", `/api/v1/bookings/${booking.id}`, seed.tokens.alexWrite, {
      checkOutAt: new Date(checkIn.getTime() - MIN).toISOString(),
    });
    expect(early.status).toBe(422);
    // A phone clock 3 minutes fast is fine.
    const skewed = new Date(Date.now() + 3 * MIN).toISOString();
    const out = await phone.PATCH("/api/v1/bookings/{id}", {
      params: { path: { id: booking.id } },
      body: { checkOutAt: skewed, status: "completed" },
    });
    expect(out.response.status).toBe(200);
    expect(out.data).toMatchObject({
      checkInAt: checkIn.toISOString(),
      checkOutAt: skewed,
      status: "completed",
    });
  });

  it("answers a stale offline write with 412: the booking now and what changed since, field by field", async () => {
    const phone = client(seed.tokens.alexWrite);
    const owner = client(seed.tokens.ownerWrite);
    // Begun 90 minutes ago; the office moves it 30 minutes later, the phone checked in 40 ago.
    const booking = await begun((await alexBooking(3)).id, 90);
    const read = await phone.GET("/api/v1/bookings/{id}", { params: { path: { id: booking.id } } });
    const phoneEtag = read.response.headers.get("etag")!;
    // While the phone is offline, the office edits the booking twice.
    await owner.PATCH("/api/v1/bookings/{id}", {
      params: { path: { id: booking.id } },
      body: { notes: "gate code 1234" },
    });
    const moved = new Date(Date.parse(booking.startAt) + 30 * MIN).toISOString();
    const office = await owner.PATCH("/api/v1/bookings/{id}", {
      params: { path: { id: booking.id } },
      body: { startAt: moved },
    });
    const checkIn = new Date(now.getTime() - 40 * MIN).toISOString();
    const stale = await send(
      "PATCH",
      `/api/v1/bookings/${booking.id}`,
      seed.tokens.alexWrite,
      { checkInAt: checkIn },
      { "if-match": phoneEtag },
    );
    expect(stale.status).toBe(412);
    expect(stale.headers.get("etag")).toBe(office.response.headers.get("etag"));
    const problem = await problemOf(stale);
    expect(problem.type).toBe(typeOf("precondition-failed"));
    expect(problem.current).toMatchObject({ id: booking.id, notes: "gate code 1234", startAt: moved });
    expect(problem.changes).toHaveLength(2);
    expect(problem.changes![0]).toMatchObject({
      kind: "edited",
      actor: "token:owner-write",
      changes: { notes: [booking.notes, "gate code 1234"] },
    });
    expect(problem.changes![1]!.changes.startAt).toEqual([booking.startAt, moved]);
    // Merged and retried with the current ETag: the phone's check-in lands, the office's edits stay.
    const merged = await phone.PATCH("/api/v1/bookings/{id}", {
      params: { path: { id: booking.id }, header: { "If-Match": stale.headers.get("etag")! } },
      body: { checkInAt: checkIn },
    });
    expect(merged.response.status).toBe(200);
    expect(merged.data).toMatchObject({ checkInAt: checkIn, notes: "gate code 1234", startAt: moved });
  });

  it("every response these tests received matches the served document", () => {
    expect(checker.checked).toBeGreaterThan(60);
    expect(checker.violations).toEqual([]);
  });
});
