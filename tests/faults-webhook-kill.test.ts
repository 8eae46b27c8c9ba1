// kill -9 of the production server while webhooks arrive: an acknowledged event was stored
// before the 200, survives the kill, is applied exactly once after the restart (without any
// redelivery), and the end state equals one clean pass over the same events.
// To have events pending at the kill, one invoice event says its lines continue (`has_more`)
// and the Stripe API never answers the completion request: the worker waits there while
// deliveries keep being stored behind it.
import { afterEach, describe, expect, it } from "vitest";
import { createStripe } from "@/lib/stripe/client";
import { eventSchema } from "@/lib/stripe/schemas";
import { generateAccount } from "@/lib/stripe-fixtures/generate";
import { processPendingWebhooks } from "@/lib/webhooks/process";
import { storeWebhook } from "@/lib/webhooks/receive";
import { API_KEY, standaloneBuilt, startAppServer, WEBHOOK_SECRET } from "@/tests/support/faults/app-server";
import { preparedDataDir, removeDataDirs, withDb, withDbAsync } from "@/tests/support/faults/data-dir";
import { deliver, eventsFromAccount } from "@/tests/support/faults/events";
import { inParallel, killAll, waitFor, type Exit } from "@/tests/support/faults/processes";
import { appState, duplicateKeys, integrity, ORDER_DEPENDENT } from "@/tests/support/faults/state";
import { startStripeServer } from "@/tests/support/stripe-server";

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await killAll();
  for (const close of closers.splice(0)) await close();
  removeDataDirs();
});

interface EventRow {
  stripeEventId: string;
  status: string;
  attempts: number;
}
const eventRows = (file: string) =>
  withDb(
    file,
    (db) => db.prepare("SELECT stripeEventId, status, attempts FROM WebhookEvent").all() as EventRow[],
  );
const pending = (file: string) => eventRows(file).filter((row) => row.status === "pending").length;

describe.skipIf(!standaloneBuilt())("server killed with SIGKILL during webhook deliveries", () => {
  it("loses no acknowledged event, applies each exactly once, and converges to a clean run", async () => {
    const now = new Date();
    const account = generateAccount({ customers: 30, seed: 5, now });
    const events = eventsFromAccount(account, Math.floor(now.getTime() / 1000) - 7200);
    const stalled = events.find(
      (event, i) => i > events.length * 0.3 && event.data.object.object === "invoice",
    );
    const lines = stalled?.data.object.lines as { has_more: boolean } | undefined;
    if (!stalled || !lines) throw new Error("no invoice event to stall on");
    lines.has_more = true;
    const stripe = await startStripeServer({ account, apiKey: API_KEY });
    closers.push(() => stripe.close());
    stripe.setFault({ kind: "timeout", times: 1000 });
    const bodies = new Map(events.map((event) => [event.id, JSON.stringify(event)]));
    const dir = preparedDataDir(now);
    const first = await startAppServer(dir.dir, { stripePort: stripe.port });

    const acknowledged = new Set<string>();
    let killed: Promise<Exit> | null = null;
    await inParallel(events, 12, async (event) => {
      if (killed) return;
      if ((await deliver(first.url, bodies.get(event.id) ?? "", WEBHOOK_SECRET)) === 200)
        acknowledged.add(event.id);
      if (!killed && acknowledged.size >= events.length * 0.7) killed = first.child.kill9();
    });
    expect(await killed).toMatchObject({ signal: "SIGKILL" });

    // Stored before acknowledged: every 200 is in the file the dead process left behind.
    const atKill = eventRows(dir.file);
    const stored = new Set(atKill.map((row) => row.stripeEventId));
    const pendingAtKill = atKill.filter((row) => row.status === "pending").map((row) => row.stripeEventId);
    expect(pendingAtKill).toContain(stalled.id);
    expect(pendingAtKill.length).toBeGreaterThan(events.length * 0.2);
    expect([...acknowledged].filter((id) => !stored.has(id))).toEqual([]);
    expect(acknowledged.size).toBeLessThan(events.length);
    expect(withDb(dir.file, integrity)).toBe("ok");

    // The restarted server applies what was pending on its own, before any new delivery.
    stripe.setFault(null);
    const second = await startAppServer(dir.dir, { stripePort: stripe.port });
    await waitFor(() => pending(dir.file) === 0, {
      timeoutMs: 30_000,
      intervalMs: 100,
      what: "pending events after restart",
    });

    // Stripe redelivers what was not acknowledged; a few acknowledged ones come again too.
    const again = events.filter((event, i) => !acknowledged.has(event.id) || i % 10 === 0);
    const statuses: (number | null)[] = [];
    await inParallel(again, 8, async (event) => {
      statuses.push(await deliver(second.url, bodies.get(event.id) ?? "", WEBHOOK_SECRET));
    });
    expect(statuses.filter((status) => status !== 200)).toEqual([]);
    await waitFor(() => pending(dir.file) === 0, {
      timeoutMs: 30_000,
      intervalMs: 100,
      what: "redelivered events",
    });

    const rows = eventRows(dir.file);
    expect(rows).toHaveLength(events.length);
    // One successful attempt each: a kill mid-transaction leaves no trace, so no event ran twice.
    expect(rows.filter((row) => row.status !== "processed" || row.attempts !== 1)).toEqual([]);
    withDb(dir.file, (db) => {
      expect(integrity(db)).toBe("ok");
      expect(duplicateKeys(db)).toEqual([]);
      expect(db.prepare("SELECT count(*) AS n FROM DedupEvent WHERE kind = 'event'").get()).toEqual({
        n: events.length,
      });
    });

    const clean = preparedDataDir(now);
    const expected = await withDbAsync(clean.file, async (db) => {
      for (const event of events)
        storeWebhook(db, eventSchema.parse(event), bodies.get(event.id) ?? "", new Date());
      const api = createStripe({ apiKey: API_KEY, host: "127.0.0.1", port: stripe.port, protocol: "http" });
      await processPendingWebhooks(db, { now: () => new Date(), stripe: api });
      return appState(db, ORDER_DEPENDENT);
    });
    expect(expected.Booking?.length).toBeGreaterThan(0);
    expect(withDb(dir.file, (db) => appState(db, ORDER_DEPENDENT))).toEqual(expected);
  }, 120_000);
});
