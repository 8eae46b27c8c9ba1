// Phone sign-in over HTTP against the built server: the RFC 8628 device flow end to end
// (authorize → pending → approve in a signed-in session → token acting for that walker),
// denied, expired, slow_down, a code used twice, pairing codes, devices listed and revoked
// (the revoked token answers 401), and the limits on guessed codes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAppServer, standaloneBuilt, type AppServer } from "@/tests/support/faults/app-server";
import { preparedDataDir, removeDataDirs, type DataDir } from "@/tests/support/faults/data-dir";
import { killAll } from "@/tests/support/faults/processes";
import { createAccount, onDatabase, rawRequest, signIn, type RawResponse } from "@/tests/support/http-auth";

const DEVICE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";
const PAIRING_GRANT = "urn:stripe-bookings:params:oauth:grant-type:pairing_code";
const CODE = /^[BCDFGHJKLMNPQRSTVWXZ]{4}-[BCDFGHJKLMNPQRSTVWXZ]{4}$/;

let dataDir: DataDir;
let server: AppServer;
let base: string;
let alexId: number;
let samId: number;

const json = (response: RawResponse) => JSON.parse(response.body) as Record<string, unknown>;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function form(path: string, fields: Record<string, string>): Promise<RawResponse> {
  return rawRequest(`${base}${path}`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields).toString(),
  });
}

const authorize = async (deviceName: string) => {
  const response = await form("/api/v1/device/authorize", {
    client_id: "bookings-app",
    device_name: deviceName,
  });
  expect(response.status, response.body).toBe(200);
  return json(response) as { device_code: string; user_code: string; interval: number };
};
const poll = (deviceCode: string) =>
  form("/api/v1/device/token", { grant_type: DEVICE_GRANT, device_code: deviceCode });

/** A signed-in session's same-origin JSON request, as the app's pages send it. */
function asUser(cookie: string, method: string, path: string, body?: unknown): Promise<RawResponse> {
  return rawRequest(`${base}${path}`, {
    method,
    headers: { cookie, origin: base, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}
const bearer = (token: string, path: string) =>
  rawRequest(`${base}${path}`, { headers: { authorization: `Bearer ${token}` } });

describe.skipIf(!standaloneBuilt())("phone sign-in over HTTP", () => {
  let walker: string;
  let owner: string;
  let sam: string;

  beforeAll(async () => {
    dataDir = preparedDataDir();
    [alexId, samId] = await onDatabase(dataDir.file, async (db) => [
      (await db.staff.create({ data: { name: "Alex" } })).id,
      (await db.staff.create({ data: { name: "Sam" } })).id,
    ]);
    await createAccount(dataDir.file, { email: "owner@example.com", role: "owner" });
    await createAccount(dataDir.file, { email: "alex@example.com", role: "staff", staffId: alexId });
    await createAccount(dataDir.file, { email: "sam@example.com", role: "staff", staffId: samId });
    await createAccount(dataDir.file, { email: "office@example.com", role: "staff" });
    server = await startAppServer(dataDir.dir);
    base = server.url;
    walker = (await signIn(base, "alex@example.com")).cookie;
    owner = (await signIn(base, "owner@example.com")).cookie;
    sam = (await signIn(base, "sam@example.com")).cookie;
  }, 90_000);
  afterAll(async () => {
    await killAll();
    removeDataDirs();
  });

  it("authorize → pending → approved in a signed-in session → a token acting for that walker; used twice is refused", async () => {
    const response = await form("/api/v1/device/authorize", { device_name: "Alex's phone" });
    expect(response.status).toBe(200);
    expect(response.headers["cache-control"]).toBe("no-store");
    const started = json(response);
    expect(started).toMatchObject({ expires_in: 600, interval: 5, verification_uri: `${base}/device` });
    expect(started.user_code).toMatch(CODE);
    expect(started.verification_uri_complete).toBe(
      `${base}/device?code=${encodeURIComponent(String(started.user_code))}`,
    );
    const deviceCode = String(started.device_code);
    expect(deviceCode.length).toBeGreaterThanOrEqual(40);
    // Only hashes are stored.
    const stored = await onDatabase(dataDir.file, (db) => db.deviceAuthorization.findMany());
    expect(JSON.stringify(stored)).not.toContain(deviceCode);
    expect(JSON.stringify(stored)).not.toContain(String(started.user_code).replace("-", ""));

    const pending = await poll(deviceCode);
    expect(pending.status).toBe(400);
    expect(pending.headers["content-type"]).toMatch(/^application\/json/);
    expect(json(pending).error).toBe("authorization_pending");

    // The verification page asks for sign-in and comes back to the code.
    const page = String(started.verification_uri_complete).slice(base.length);
    const anonymous = await rawRequest(`${base}${page}`);
    expect(anonymous.status).toBe(307);
    expect(anonymous.headers.location).toContain(`/sign-in?next=${encodeURIComponent(page)}`);
    const shown = await rawRequest(`${base}${page}`, { headers: { cookie: walker } });
    expect(shown.status).toBe(200);
    expect(shown.body).toContain("Alex&#x27;s phone");
    expect(shown.body).toContain(String(started.user_code));

    // Approval needs our own origin (CSRF) and a session.
    const crossSite = await rawRequest(`${base}/api/v1/device/verify`, {
      method: "POST",
      headers: { cookie: walker, origin: "http://evil.example", "content-type": "application/json" },
      body: JSON.stringify({ userCode: started.user_code, action: "approve" }),
    });
    expect(crossSite.status).toBe(403);
    const approved = await asUser(walker, "POST", "/api/v1/device/verify", {
      userCode: String(started.user_code).toLowerCase(),
      action: "approve",
    });
    expect(approved.status, approved.body).toBe(200);
    expect(json(approved)).toEqual({ status: "approved", deviceName: "Alex's phone" });

    await sleep(4_100); // the interval, less the server's 1 s tolerance
    const granted = await poll(deviceCode);
    expect(granted.status, granted.body).toBe(200);
    expect(granted.headers["cache-control"]).toBe("no-store");
    const token = json(granted);
    expect(token).toMatchObject({ token_type: "Bearer", scope: "write" });
    const accessToken = String(token.access_token);

    const me = await bearer(accessToken, "/api/v1/me");
    expect(me.status).toBe(200);
    expect(json(me)).toMatchObject({ kind: "token", role: "staff", scope: "write", staff: { id: alexId } });
    // A walker's phone is not the owner: the owner's routes refuse it.
    expect((await bearer(accessToken, "/api/v1/sync")).status).toBe(403);
    const row = await onDatabase(dataDir.file, (db) =>
      db.apiToken.findFirstOrThrow({ where: { deviceName: "Alex's phone" }, include: { user: true } }),
    );
    expect(row).toMatchObject({ staffId: alexId, scope: "write", revokedAt: null });
    expect(row.user?.email).toBe("alex@example.com");

    await sleep(4_100);
    const again = await poll(deviceCode);
    expect(again.status).toBe(400);
    expect(json(again).error).toBe("invalid_grant");
    // The code cannot be approved again either.
    const reapproved = await asUser(walker, "POST", "/api/v1/device/verify", {
      userCode: started.user_code,
      action: "approve",
    });
    expect(reapproved.status).toBe(404);
  }, 30_000);

  it("a denied phone gets access_denied and no token", async () => {
    const started = await authorize("Stranger's phone");
    const denied = await asUser(walker, "POST", "/api/v1/device/verify", {
      userCode: started.user_code,
      action: "deny",
    });
    expect(json(denied)).toEqual({ status: "denied", deviceName: "Stranger's phone" });
    const polled = await poll(started.device_code);
    expect(polled.status).toBe(400);
    expect(json(polled).error).toBe("access_denied");
    const tokens = await onDatabase(dataDir.file, (db) =>
      db.apiToken.count({ where: { deviceName: "Stranger's phone" } }),
    );
    expect(tokens).toBe(0);
  });

  it("an expired code gets expired_token and cannot be approved", async () => {
    const started = await authorize("Late phone");
    await onDatabase(dataDir.file, (db) =>
      db.deviceAuthorization.updateMany({
        where: { deviceName: "Late phone" },
        data: { expiresAt: new Date(Date.now() - 1000) },
      }),
    );
    const approve = await asUser(walker, "POST", "/api/v1/device/verify", {
      userCode: started.user_code,
      action: "approve",
    });
    expect(approve.status).toBe(404);
    expect(approve.headers["content-type"]).toMatch(/problem\+json/);
    const polled = await poll(started.device_code);
    expect(json(polled).error).toBe("expired_token");
  });

  it("polling faster than the interval gets slow_down, and the interval grows by 5 s", async () => {
    const started = await authorize("Eager phone");
    expect(json(await poll(started.device_code)).error).toBe("authorization_pending");
    const fast = await poll(started.device_code);
    expect(fast.status).toBe(400);
    expect(json(fast).error).toBe("slow_down");
    const row = await onDatabase(dataDir.file, (db) =>
      db.deviceAuthorization.findFirstOrThrow({ where: { deviceName: "Eager phone" } }),
    );
    expect(row.interval).toBe(10);
    // Unknown codes and grant types answer in the RFC's shape too.
    expect(json(await poll("not-a-code")).error).toBe("invalid_grant");
    expect(json(await form("/api/v1/device/token", { grant_type: "password" })).error).toBe(
      "unsupported_grant_type",
    );
  });

  it("a pairing code from the walker's screen yields a token once; the device is listed and its revocation is a 401", async () => {
    const created = await asUser(walker, "POST", "/api/v1/device/pairings", {});
    expect(created.status, created.body).toBe(201);
    const pairing = json(created) as { id: number; code: string; pairingUrl: string };
    expect(pairing.code).toMatch(CODE);
    expect(pairing.pairingUrl).toBe(`${base}/device/pair?code=${encodeURIComponent(pairing.code)}`);
    expect(json(await asUser(walker, "GET", `/api/v1/device/pairings/${pairing.id}`)).status).toBe("waiting");
    // Someone else's pairing is not theirs to watch.
    expect((await asUser(sam, "GET", `/api/v1/device/pairings/${pairing.id}`)).status).toBe(404);

    const redeem = () =>
      rawRequest(`${base}/api/v1/device/token`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ grant_type: PAIRING_GRANT, code: pairing.code, device_name: "Alex's Pixel" }),
      });
    const granted = await redeem();
    expect(granted.status, granted.body).toBe(200);
    const token = String(json(granted).access_token);
    expect(json(await bearer(token, "/api/v1/me"))).toMatchObject({ staff: { id: alexId } });
    expect(json(await redeem()).error).toBe("invalid_grant");
    expect(json(await asUser(walker, "GET", `/api/v1/device/pairings/${pairing.id}`))).toMatchObject({
      status: "paired",
      deviceName: "Alex's Pixel",
    });

    const mine = json(await asUser(walker, "GET", "/api/v1/device/devices")) as {
      data: {
        id: number;
        deviceName: string;
        userEmail: string;
        staffName: string;
        lastUsedAt: string | null;
      }[];
    };
    const pixel = mine.data.find((device) => device.deviceName === "Alex's Pixel");
    expect(pixel).toMatchObject({ userEmail: "alex@example.com", staffName: "Alex" });
    expect(pixel?.lastUsedAt).not.toBeNull();
    // Sam sees none of Alex's phones and cannot revoke them; the owner sees everyone's.
    expect((json(await asUser(sam, "GET", "/api/v1/device/devices")) as { data: unknown[] }).data).toEqual(
      [],
    );
    expect((await asUser(sam, "DELETE", `/api/v1/device/devices/${pixel!.id}`)).status).toBe(404);
    const all = json(await asUser(owner, "GET", "/api/v1/device/devices")) as {
      data: { deviceName: string }[];
    };
    expect(all.data.map((device) => device.deviceName)).toEqual(
      expect.arrayContaining(["Alex's Pixel", "Alex's phone"]),
    );
    // A phone's own token cannot manage devices (cookie sessions only).
    expect((await bearer(token, "/api/v1/device/devices")).status).toBe(401);

    expect((await asUser(walker, "DELETE", `/api/v1/device/devices/${pixel!.id}`)).status).toBe(204);
    const revoked = await bearer(token, "/api/v1/me");
    expect(revoked.status).toBe(401);
    const after = json(await asUser(walker, "GET", "/api/v1/device/devices")) as { data: { id: number }[] };
    expect(after.data.map((device) => device.id)).not.toContain(pixel!.id);
  });

  it("an account without a walker cannot pair (its token would act for the whole business)", async () => {
    const office = (await signIn(base, "office@example.com")).cookie;
    // The one policy refuses every change by a staff account without a walker (403).
    const pairing = await asUser(office, "POST", "/api/v1/device/pairings", {});
    expect(pairing.status).toBe(403);
    const started = await authorize("Office phone");
    const approve = await asUser(office, "POST", "/api/v1/device/verify", {
      userCode: started.user_code,
      action: "approve",
    });
    expect(approve.status).toBe(403);
    expect(json(await poll(started.device_code)).error).toBe("authorization_pending");
  });

  it("guessing user codes is limited per account, and pairing codes per address", async () => {
    const guesses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const response = await asUser(sam, "POST", "/api/v1/device/verify", {
        userCode: "BBBB-BBBB",
        action: "approve",
      });
      guesses.push(response.status);
    }
    expect(guesses).toEqual([404, 404, 404, 404, 404, 429]);
    // Even a real code is refused while the account is over the limit.
    const started = await authorize("Sam's phone");
    const blocked = await asUser(sam, "POST", "/api/v1/device/verify", {
      userCode: started.user_code,
      action: "approve",
    });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers["retry-after"])).toBeGreaterThan(0);

    const redeems: string[] = [];
    for (let i = 0; i < 11; i++) {
      const response = await form("/api/v1/device/token", {
        grant_type: PAIRING_GRANT,
        code: "CCCC-CCCC",
        device_name: "Guesser",
      });
      redeems.push(`${response.status} ${String(json(response).error)}`);
    }
    // Ten wrong codes a minute from one address (the used code of the pairing test was one).
    const wrong = redeems.indexOf("429 slow_down");
    expect(wrong).toBeGreaterThanOrEqual(9);
    expect(redeems.slice(0, wrong)).toEqual(Array(wrong).fill("400 invalid_grant"));
    expect(redeems.slice(wrong)).toEqual(Array(11 - wrong).fill("429 slow_down"));
  });
});
