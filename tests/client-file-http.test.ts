// The client's file over HTTP against the built server (server/serve.ts → .next/standalone), for
// each kind of caller: the owner, a walker with and without a visit near today, another walker, a
// staff account without a walker, and nobody. Photos (413, 415, private serving), the audited
// reveal, and the leak test: a known access secret never appears in a feed, an export, a CSV,
// the server's log or another walker's answers, however often it was revealed.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAppServer, standaloneBuilt, type AppServer } from "@/tests/support/faults/app-server";
import { preparedDataDir, removeDataDirs, type DataDir } from "@/tests/support/faults/data-dir";
import { killAll } from "@/tests/support/faults/processes";
import { seedApiBusiness, type Seeded } from "@/tests/support/api-v1-seed";
import { createAccount, onDatabase, signIn } from "@/tests/support/http-auth";
import { contractChecker, type ContractChecker } from "@/tests/support/api-v1-client";

const now = new Date();
const DAY = 86_400_000;
const SECRET = "LOCKBOX-7391-ZEBRA";
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.from("fake-png-body-for-tests"),
]);

let dir: DataDir;
let server: AppServer;
let base: string;
let seed: Seeded;
const who: Record<string, Record<string, string>> = {};
let checker: ContractChecker;

async function call(
  caller: string,
  method: string,
  url: string,
  body?: unknown,
  extra: Record<string, string> = {},
): Promise<Response> {
  const headers: Record<string, string> = { ...who[caller], ...extra };
  let payload: BodyInit | undefined;
  if (body instanceof Buffer) payload = new Uint8Array(body);
  else if (body !== undefined) {
    headers["content-type"] = "application/json";
    payload = JSON.stringify(body);
  }
  const response = await fetch(`${base}${url}`, { method, headers, body: payload });
  // Every JSON answer of /api/v1 is checked against the served OpenAPI document (images are not
  // JSON; a 413 from the server's transport limit comes before /api/v1's shell).
  const image = (response.headers.get("content-type") ?? "").startsWith("image/");
  if (url.startsWith("/api/v1/") && !image && response.status !== 413) {
    await checker.check(method, `${base}${url}`, response);
  }
  return response;
}

async function addClient(stripeId: string, name: string, visitInDays: number | null, staffId: number) {
  await onDatabase(dir.file, async (db) => {
    const raw = JSON.stringify({
      id: stripeId,
      address: { line1: "1 High St", city: "Leeds", country: "GB" },
    });
    await db.client.create({
      data: { stripeId, name, raw, contentHash: stripeId, stripeCreated: now, sourceAt: now, appliedAt: now },
    });
    if (visitInDays === null) return;
    const startAt = new Date(now.getTime() + visitInDays * DAY);
    await db.booking.create({
      data: {
        bookingKey: `manual:${stripeId}:${visitInDays}`,
        clientStripeId: stripeId,
        serviceCode: "MANUAL",
        title: "Walk",
        startAt,
        endAt: new Date(startAt.getTime() + 3600_000),
        staffId,
        sourceKind: "manual",
      },
    });
  });
}

async function session(email: string) {
  const signed = await signIn(base, email);
  expect(signed.status, email).toBe(200);
  return { cookie: signed.cookie, origin: base };
}

describe.skipIf(!standaloneBuilt())("the client's file over HTTP", () => {
  beforeAll(async () => {
    dir = preparedDataDir(now);
    seed = await seedApiBusiness(dir.file, now);
    await createAccount(dir.file, { email: "owner@example.com", role: "owner" });
    await createAccount(dir.file, { email: "alex@example.com", role: "staff", staffId: seed.alex });
    await createAccount(dir.file, { email: "sam@example.com", role: "staff", staffId: seed.sam });
    await createAccount(dir.file, { email: "loose@example.com", role: "staff" });
    // The Stripe tests' visits are not near today for sure: these are (tomorrow; in 8 days; none).
    await addClient("cus_near", "Nora Near", 1, seed.alex);
    await addClient("cus_far", "Fay Far", 8, seed.alex);
    await addClient("cus_none", "Ned None", null, seed.alex);
    server = await startAppServer(dir.dir, {
      env: { API_RATE_LIMIT_PER_MINUTE: "100000", LOG_LEVEL: "debug" },
    });
    base = server.url;
    checker = contractChecker(
      (await (await fetch(`${base}/api/v1/openapi.json`)).json()) as Parameters<typeof contractChecker>[0],
    );
    who.anonymous = {};
    who.owner = await session("owner@example.com");
    who.alex = await session("alex@example.com");
    who.sam = await session("sam@example.com");
    who.loose = await session("loose@example.com");
    who.alexToken = { authorization: `Bearer ${seed.tokens.alexWrite}` };
    who.ownerToken = { authorization: `Bearer ${seed.tokens.ownerWrite}` };
  }, 120_000);
  afterAll(async () => {
    await killAll();
    removeDataDirs();
  });

  let petId: number;

  it("lets the owner fill the file: address, emergency contact, access notes, a pet and its photo", async () => {
    const patched = await call("owner", "PATCH", "/api/v1/clients/cus_near/file", {
      address: { line1: "12 Oak Road", city: "Leeds", postalCode: "LS6 2AB", country: "gb" },
      emergency: { name: "Jo", phone: "07700 900123", note: "has a key" },
    });
    expect(patched.status).toBe(200);
    expect(await patched.json()).toMatchObject({
      addressSource: "local",
      address: { line1: "12 Oak Road", country: "GB" },
      mapUrl:
        "https://www.google.com/maps/search/?api=1&query=12%20Oak%20Road%2C%20Leeds%20LS6%202AB%2C%20GB",
      emergency: { name: "Jo", phone: "07700 900123" },
    });
    for (const id of ["cus_near", "cus_far"]) {
      const put = await call("owner", "PUT", `/api/v1/clients/${id}/access`, {
        keyLocation: "under the pot",
        lockboxCode: SECRET,
      });
      expect(put.status).toBe(200);
      expect(await put.text()).not.toContain(SECRET);
    }
    const pet = await call("owner", "POST", "/api/v1/clients/cus_near/pets", {
      name: "Rex",
      breed: "Collie",
    });
    expect(pet.status).toBe(201);
    petId = ((await pet.json()) as { id: number }).id;
    const photo = await call("owner", "PUT", `/api/v1/clients/cus_near/pets/${petId}/photo`, PNG, {
      "content-type": "image/jpeg", // the bytes decide, not the header
    });
    expect(photo.status).toBe(200);
    expect(((await photo.json()) as { photoUrl: string }).photoUrl).toMatch(/\/photo\?v=/);
    // Bad input changes nothing: a pet without a name, an unknown field.
    expect((await call("owner", "POST", "/api/v1/clients/cus_near/pets", { name: "" })).status).toBe(422);
    expect((await call("owner", "PATCH", "/api/v1/clients/cus_near/file", { colour: "red" })).status).toBe(
      422,
    );
    const file = (await (await call("owner", "GET", "/api/v1/clients/cus_near/file")).json()) as {
      pets: { name: string }[];
    };
    expect(file.pets.map((p) => p.name)).toEqual(["Rex"]);
  });

  it("refuses photos over 5 MB (413) and bytes that are not JPEG, PNG or WebP (415)", async () => {
    const url = `/api/v1/clients/cus_near/pets/${petId}/photo`;
    const big = Buffer.concat([PNG, Buffer.alloc(5 * 1024 * 1024)]);
    expect((await call("owner", "PUT", url, big)).status).toBe(413);
    const svg = Buffer.from("<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>");
    const refused = await call("owner", "PUT", url, svg, { "content-type": "image/png" });
    expect(refused.status).toBe(415);
    expect(((await refused.json()) as { type: string }).type).toMatch(/unsupported-media-type$/);
    // The stored photo is still the first one, and only one file is in the folder.
    expect(readdirSync(path.join(dir.dir, "pet-photos"))).toHaveLength(1);
  });

  it("serves the photo privately to those who may see the client, to nobody else", async () => {
    const url = `/api/v1/clients/cus_near/pets/${petId}/photo`;
    const owner = await call("owner", "GET", url);
    expect(owner.status).toBe(200);
    expect(owner.headers.get("content-type")).toBe("image/png");
    expect(owner.headers.get("cache-control")).toMatch(/^private/);
    expect(owner.headers.get("x-content-type-options")).toBe("nosniff");
    expect(Buffer.from(await owner.arrayBuffer()).equals(PNG)).toBe(true);
    const etag = owner.headers.get("etag")!;
    expect((await call("owner", "GET", url, undefined, { "if-none-match": etag })).status).toBe(304);
    expect((await call("alex", "GET", url)).status).toBe(200);
    expect((await call("alexToken", "GET", url)).status).toBe(200);
    expect((await call("anonymous", "GET", url)).status).toBe(401);
    expect((await call("sam", "GET", url)).status).toBe(404);
    expect((await call("loose", "GET", url)).status).toBe(404);
  });

  it("shows each caller the file by their visits, and lets only the owner change it", async () => {
    const get = async (caller: string, id: string) => call(caller, "GET", `/api/v1/clients/${id}/file`);
    const near = (await (await get("alex", "cus_near")).json()) as { access: object; canEdit: boolean };
    expect(near).toMatchObject({ access: { stored: true, revealable: true }, canEdit: false });
    expect(await (await get("alex", "cus_far")).json()).toMatchObject({
      access: { stored: true, revealable: false },
    });
    expect((await get("alex", "cus_none")).status).toBe(404);
    expect((await get("sam", "cus_near")).status).toBe(404);
    expect((await get("loose", "cus_near")).status).toBe(404);
    expect((await get("anonymous", "cus_near")).status).toBe(401);
    expect(await (await get("owner", "cus_none")).json()).toMatchObject({ access: { stored: false } });
    expect((await call("alex", "PATCH", "/api/v1/clients/cus_near/file", { emergency: null })).status).toBe(
      403,
    );
    expect((await call("alex", "PUT", "/api/v1/clients/cus_near/access", { lockboxCode: "1" })).status).toBe(
      403,
    );
    expect((await call("alex", "POST", "/api/v1/clients/cus_near/pets", { name: "Max" })).status).toBe(403);
    expect((await call("alex", "PUT", `/api/v1/clients/cus_near/pets/${petId}/photo`, PNG)).status).toBe(403);
  });

  it("reveals the access notes to the owner and the walker near a visit only, auditing each reveal", async () => {
    const reveal = (caller: string, id: string) =>
      call(caller, "POST", `/api/v1/clients/${id}/access/reveal`);
    const alex = await reveal("alex", "cus_near");
    expect(alex.status).toBe(200);
    expect(alex.headers.get("cache-control")).toBe("no-store");
    expect(((await alex.json()) as { notes: { lockboxCode: string } }).notes.lockboxCode).toBe(SECRET);
    expect((await reveal("alexToken", "cus_near")).status).toBe(200);
    expect((await reveal("owner", "cus_far")).status).toBe(200);
    expect((await reveal("alex", "cus_far")).status).toBe(403);
    expect((await reveal("sam", "cus_near")).status).toBe(404);
    expect((await reveal("loose", "cus_near")).status).toBe(403);
    expect((await reveal("anonymous", "cus_near")).status).toBe(401);
    const audit = await onDatabase(dir.file, (db) =>
      db.auditEvent.findMany({ where: { type: "access-revealed" }, orderBy: { id: "asc" } }),
    );
    expect(audit.map((row) => [row.actor, row.target])).toEqual([
      ["alex@example.com", "cus_near"],
      ["token:alex-phone", "cus_near"],
      ["owner@example.com", "cus_far"],
    ]);
    expect(JSON.stringify(audit)).not.toContain(SECRET);
  });

  it("never lets the secret out: feeds, exports, CSV, the database row, the log, another walker", async () => {
    const seen: string[] = [];
    const text = async (
      caller: string,
      url: string,
      init: { method?: string; body?: unknown; status?: number } = {},
    ) => {
      const response = await call(caller, init.method ?? "GET", url, init.body);
      const body = await response.text();
      seen.push(`${caller} ${url} ${response.status}`);
      // An error page would hold no secret either: each answer must be the real thing.
      expect(response.status, `${caller} ${url}`).toBe(init.status ?? 200);
      return body;
    };
    const feed = JSON.parse(
      await text("ownerToken", "/api/v1/feeds", { method: "POST", body: {}, status: 201 }),
    ) as {
      url: string;
    };
    const walkerFeed = JSON.parse(
      await text("alexToken", "/api/v1/feeds", { method: "POST", body: {}, status: 201 }),
    ) as {
      url: string;
    };
    const from = new Date(now.getTime() - 30 * DAY).toISOString().slice(0, 10);
    const to = new Date(now.getTime() + 30 * DAY).toISOString().slice(0, 10);
    const bodies = [
      await text("anonymous", new URL(feed.url).pathname),
      await text("anonymous", new URL(walkerFeed.url).pathname),
      await text("owner", `/api/bookings/export?from=${from}&to=${to}`),
      await text("alex", `/api/bookings/export?from=${from}&to=${to}`),
      await text("owner", `/api/owner/reports/visits/csv?from=${from}&to=${to}`),
      await text("owner", "/api/owner/reconciliation/paid-unscheduled"),
      await text("owner", "/api/v1/clients/cus_near"),
      await text("owner", "/api/v1/clients/cus_near/file"),
      await text("owner", "/api/v1/changes"),
      await text("sam", "/api/v1/clients/cus_near/file", { status: 404 }),
      await text("sam", "/api/v1/clients"),
      await text("sam", "/api/v1/bookings"),
      await text("alex", "/api/v1/clients/cus_near/file"),
      await text("owner", "/clients/cus_near"),
      await text("alex", "/clients/cus_near"),
    ];
    expect(bodies[0]).toContain("BEGIN:VCALENDAR");
    for (const [i, body] of bodies.entries()) expect(body, seen[i]).not.toContain(SECRET);
    const row = await onDatabase(dir.file, (db) =>
      db.clientProfile.findUnique({ where: { clientStripeId: "cus_near" } }),
    );
    expect(row?.accessSealed).toMatch(/^v1\./);
    expect(JSON.stringify(row)).not.toContain(SECRET);
    const logFile = readFileSync(path.join(dir.dir, "logs", "server.log"), "utf8");
    expect(server.child.stderr()).toContain("v1.clients.access.reveal");
    expect(server.child.stderr() + server.child.stdout()).not.toContain(SECRET);
    expect(logFile).not.toContain(SECRET);
  });

  it("answered as the OpenAPI document says, every time", () => {
    expect(checker.checked).toBeGreaterThan(30);
    expect(checker.violations).toEqual([]);
  });

  it("removes the photo file when the pet goes", async () => {
    expect((await call("owner", "DELETE", `/api/v1/clients/cus_near/pets/${petId}`)).status).toBe(204);
    expect(readdirSync(path.join(dir.dir, "pet-photos"))).toEqual([]);
    expect((await call("owner", "GET", `/api/v1/clients/cus_near/pets/${petId}/photo`)).status).toBe(404);
  });
});
