// A webhook POST to the real server while another connection holds the database's write lock:
// it waits and is acknowledged (then applied once the lock is gone), or it answers a 5xx as
// problem JSON and stores nothing, so Stripe's redelivery applies it later. Never a corrupt file.
import { afterEach, describe, expect, it } from "vitest";
import { generateAccount } from "@/lib/stripe-fixtures/generate";
import { BUSY_TIMEOUT_MS } from "@/lib/db/sqlite";
import {
  standaloneBuilt,
  startAppServer,
  WEBHOOK_SECRET,
  type AppServer,
} from "@/tests/support/faults/app-server";
import { preparedDataDir, removeDataDirs, withDb } from "@/tests/support/faults/data-dir";
import { eventsFromAccount, signature, type TestEvent } from "@/tests/support/faults/events";
import { holdWriteLock } from "@/tests/support/faults/lock-holder";
import { killAll, waitFor } from "@/tests/support/faults/processes";
import { integrity } from "@/tests/support/faults/state";

afterEach(async () => {
  await killAll();
  removeDataDirs();
});

const now = new Date();
const customerEvents = eventsFromAccount(
  generateAccount({ customers: 3, seed: 9, now }),
  Math.floor(now.getTime() / 1000) - 60,
).filter((event) => event.type === "customer.updated");

async function post(server: AppServer, event: TestEvent) {
  const body = JSON.stringify(event);
  const start = performance.now();
  const response = await fetch(`${server.url}/api/stripe/webhook`, {
    method: "POST",
    headers: { "content-type": "application/json", "stripe-signature": signature(body, WEBHOOK_SECRET) },
    body,
    signal: AbortSignal.timeout(BUSY_TIMEOUT_MS * 3),
  });
  return {
    status: response.status,
    type: response.headers.get("content-type"),
    body: (await response.json()) as { status?: number },
    ms: performance.now() - start,
  };
}

const stored = (file: string, id: string) =>
  withDb(
    file,
    (db) =>
      db.prepare("SELECT status FROM WebhookEvent WHERE stripeEventId = ?").get(id) as
        { status: string } | undefined,
  );
const clientRows = (file: string, id: string) =>
  withDb(
    file,
    (db) => (db.prepare("SELECT count(*) AS n FROM Client WHERE stripeId = ?").get(id) as { n: number }).n,
  );

/** The event is applied (now, or after the worker's retry); bounded. */
async function expectApplied(file: string, event: TestEvent): Promise<void> {
  await waitFor(() => stored(file, event.id)?.status === "processed", {
    timeoutMs: 15_000,
    intervalMs: 100,
    what: `${event.id} applied`,
  });
  expect(clientRows(file, event.data.object.id)).toBe(1);
}

describe.skipIf(!standaloneBuilt())("webhook POST while the database is locked", () => {
  it("waits or answers 5xx problem JSON; what was acknowledged is applied after the release", async () => {
    const [short, long] = customerEvents;
    if (!short || !long) throw new Error("need two customer events");
    const dir = preparedDataDir(now);
    const server = await startAppServer(dir.dir);

    // Held well within the busy timeout: the store waits for the lock.
    let lock = await holdWriteLock(dir.file, 1500);
    const waited = await post(server, short);
    await lock.released;
    expect([200, 500, 503]).toContain(waited.status);
    if (waited.status === 200) {
      expect(waited.ms).toBeGreaterThan(1000);
      await expectApplied(dir.file, short);
    }

    // Held past the busy timeout: the store gives up; nothing half-stored, a redelivery works.
    lock = await holdWriteLock(dir.file, BUSY_TIMEOUT_MS + 1500);
    const refused = await post(server, long);
    await lock.released;
    if (refused.status === 200) await expectApplied(dir.file, long);
    else {
      expect(refused.status).toBe(503);
      expect(refused.type).toBe("application/problem+json");
      expect(refused.body.status).toBe(refused.status);
      expect(refused.ms).toBeGreaterThanOrEqual(BUSY_TIMEOUT_MS - 500);
      expect(stored(dir.file, long.id)).toBeUndefined();
      expect((await post(server, long)).status).toBe(200);
      await expectApplied(dir.file, long);
    }
    if (waited.status !== 200) {
      expect((await post(server, short)).status).toBe(200);
      await expectApplied(dir.file, short);
    }
    expect(withDb(dir.file, integrity)).toBe("ok");
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
  }, 120_000);
});
