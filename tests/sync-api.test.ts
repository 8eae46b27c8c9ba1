// POST/GET /api/sync through the real route handlers, the real SDK and the local Stripe server.
import { afterEach, describe, expect, it } from "vitest";
import { GET, POST } from "@/app/api/sync/route";
import { closeSqlite } from "@/lib/db/sqlite";
import { syncJobIdle } from "@/lib/stripe/sync-job";
import { generateAccount } from "@/lib/stripe-fixtures/generate";
import { pointAppAtDatabase } from "@/tests/support/app-env";
import { freshDb, type TestDb } from "@/tests/support/db";
import { startStripeServer, type StripeServer } from "@/tests/support/stripe-server";
import { signedInCookie, withAuth } from "@/tests/support/auth";

const API_KEY = "sk_test_sync_api";
let t: TestDb | undefined;
let server: StripeServer | undefined;
afterEach(async () => {
  await syncJobIdle();
  closeSqlite();
  t?.cleanup();
  await server?.close();
  t = undefined;
  server = undefined;
});

const ctx = { params: Promise.resolve({}) };
let cookie = "";
const signIn = async () => {
  cookie = await signedInCookie("owner");
};
const post = () =>
  POST(withAuth(new Request("http://localhost/api/sync", { method: "POST" }), { cookie }), ctx);
const get = async () =>
  (await GET(withAuth(new Request("http://localhost/api/sync"), { cookie }), ctx)).json();

describe("/api/sync", () => {
  it("starts one background sync (202), refuses a second while it runs (409), and reports how it ended", async () => {
    const account = generateAccount({ customers: 30, seed: 5, now: new Date() });
    server = await startStripeServer({ account, apiKey: API_KEY });
    t = freshDb();
    pointAppAtDatabase(t.file, {
      STRIPE_SECRET_KEY: API_KEY,
      STRIPE_API_HOST: "127.0.0.1",
      STRIPE_API_PORT: String(server.port),
      STRIPE_API_PROTOCOL: "http",
    });
    await signIn();
    expect((await post()).status).toBe(202);
    const busy = await post();
    expect(busy.status).toBe(409);
    expect((await busy.json()).detail).toMatch(/already running/);
    expect((await get()).running).toBe(true);
    await syncJobIdle();
    const after = await get();
    expect(after).toMatchObject({
      running: false,
      last: { status: "succeeded", mode: "full", fetchThread: true },
    });
    expect(after.runs[0]).toMatchObject({ status: "succeeded" });
    expect(t.db.prepare("SELECT count(*) AS n FROM Client").get()).toEqual({ n: 30 });
  });

  it("says demo mode has nothing to sync (409) and starts nothing", async () => {
    t = freshDb();
    pointAppAtDatabase(t.file);
    await signIn();
    const response = await post();
    expect(response.status).toBe(409);
    expect((await response.json()).detail).toMatch(/Demo mode/);
    expect((await get()).runs).toEqual([]);
  });
});
