// The production server answers POST /api/stripe/webhook itself, before Next
// (server/webhook-fast-path.ts). Over HTTP against the built server, every kind of delivery
// gets the answer the Next route gives in-process (status, body, content type, CSP), the
// headers Next adds to every response, and the event is stored once and applied.
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/stripe/webhook/route";
import { closeSqlite } from "@/lib/db/sqlite";
import { MAX_WEBHOOK_BYTES } from "@/lib/webhooks/receive";
import { webhookWorkerIdle } from "@/lib/webhooks/worker";
import { isWebhookDelivery } from "@/server/webhook-fast-path";
import {
  standaloneBuilt,
  startAppServer,
  WEBHOOK_SECRET,
  type AppServer,
} from "@/tests/support/faults/app-server";
import { preparedDataDir, removeDataDirs, withDb } from "@/tests/support/faults/data-dir";
import { signature } from "@/tests/support/faults/events";
import { IN_PROCESS_SECRET, pointAppAt } from "@/tests/support/faults/in-process";
import { waitFor } from "@/tests/support/faults/processes";

const now = Math.floor(Date.now() / 1000);
const customerEvent = (id: string) =>
  JSON.stringify({
    id,
    object: "event",
    type: "customer.created",
    created: now,
    livemode: false,
    api_version: "2026-08-27",
    data: { object: { id: `cus_${id}`, object: "customer", name: "Fast Path", email: null, created: now } },
    pending_webhooks: 1,
    request: null,
  });

interface Delivery {
  name: string;
  body: string;
  /** Sign with the target's secret (true), a wrong one (false), or send no signature (null). */
  signed: boolean | null;
  contentType?: string;
}

const deliveries: Delivery[] = [
  { name: "a new event", body: customerEvent("evt_fast_1"), signed: true },
  { name: "its redelivery", body: customerEvent("evt_fast_1"), signed: true },
  { name: "a wrong signature", body: customerEvent("evt_fast_2"), signed: false },
  { name: "no signature", body: customerEvent("evt_fast_3"), signed: null },
  {
    name: "not JSON (content type)",
    body: customerEvent("evt_fast_4"),
    signed: true,
    contentType: "text/plain",
  },
  { name: "signed text that is not JSON", body: "{ not json", signed: true },
  { name: "signed JSON that is not an event", body: JSON.stringify({ hello: "world" }), signed: true },
  { name: "a body over the limit", body: "x".repeat(MAX_WEBHOOK_BYTES + 1), signed: true },
];

function headersFor(delivery: Delivery, secret: string): Record<string, string> {
  const headers: Record<string, string> = { "content-type": delivery.contentType ?? "application/json" };
  if (delivery.signed !== null)
    headers["stripe-signature"] = signature(delivery.body, delivery.signed ? secret : "whsec_wrong");
  return headers;
}

interface Answer {
  status: number;
  body: unknown;
  contentType: string | null;
  csp: string | null;
}

async function answerOf(response: Response): Promise<Answer> {
  return {
    status: response.status,
    body: JSON.parse(await response.text()) as unknown,
    contentType: response.headers.get("content-type"),
    csp: response.headers.get("content-security-policy"),
  };
}

describe("which requests the direct path takes", () => {
  it("takes POSTs to the webhook path only, with or without a query", () => {
    expect(isWebhookDelivery("POST", "/api/stripe/webhook")).toBe(true);
    expect(isWebhookDelivery("POST", "/api/stripe/webhook?x=1")).toBe(true);
    expect(isWebhookDelivery("GET", "/api/stripe/webhook")).toBe(false);
    expect(isWebhookDelivery("POST", "/api/stripe/webhook/")).toBe(false);
    expect(isWebhookDelivery("POST", "/api/stripe/webhooks")).toBe(false);
    expect(isWebhookDelivery("POST", "/api/health")).toBe(false);
  });
});

describe.skipIf(!standaloneBuilt())("POST /api/stripe/webhook on the production server", () => {
  let server: AppServer;
  let dataDir: ReturnType<typeof preparedDataDir>;
  beforeAll(async () => {
    dataDir = preparedDataDir();
    server = await startAppServer(dataDir.dir);
  }, 60_000);
  afterAll(async () => {
    await server?.child.kill9();
    await webhookWorkerIdle();
    closeSqlite();
    removeDataDirs();
  });

  it("answers every kind of delivery as the Next route does, and stores the event once", async () => {
    const local = preparedDataDir();
    pointAppAt(local.file);
    for (const delivery of deliveries) {
      const overHttp = await answerOf(
        await fetch(`${server.url}/api/stripe/webhook`, {
          method: "POST",
          headers: headersFor(delivery, WEBHOOK_SECRET),
          body: delivery.body,
        }),
      );
      const inProcess = await answerOf(
        await POST(
          new Request("http://localhost/api/stripe/webhook", {
            method: "POST",
            headers: headersFor(delivery, IN_PROCESS_SECRET),
            body: delivery.body,
          }),
          { params: Promise.resolve({}) },
        ),
      );
      expect({ name: delivery.name, ...overHttp }).toEqual({ name: delivery.name, ...inProcess });
    }
    const statuses = await Promise.all(
      deliveries.map(async (delivery) => {
        const response = await fetch(`${server.url}/api/stripe/webhook`, {
          method: "POST",
          headers: headersFor(delivery, WEBHOOK_SECRET),
          body: delivery.body,
        });
        await response.arrayBuffer();
        return response.status;
      }),
    );
    expect(statuses).toEqual([200, 200, 400, 400, 415, 400, 400, 413]);
    await waitFor(
      () =>
        withDb(dataDir.file, (db) => {
          const row = db
            .prepare("SELECT status FROM WebhookEvent WHERE stripeEventId = 'evt_fast_1'")
            .get() as { status: string } | undefined;
          return row?.status === "processed";
        }),
      { timeoutMs: 15_000, intervalMs: 100, what: "the event applied" },
    );
    withDb(dataDir.file, (db) => {
      expect(db.prepare("SELECT count(*) AS n FROM WebhookEvent").get()).toEqual({ n: 1 });
      expect(db.prepare("SELECT name FROM Client WHERE stripeId = 'cus_evt_fast_1'").get()).toEqual({
        name: "Fast Path",
      });
    });
  });

  it("adds the headers Next adds to every response, and leaves other methods to Next", async () => {
    const health = await fetch(`${server.url}/api/health`);
    await health.arrayBuffer();
    const delivery = await fetch(`${server.url}/api/stripe/webhook?source=stripe`, {
      method: "POST",
      headers: headersFor(deliveries[1]!, WEBHOOK_SECRET),
      body: deliveries[1]!.body,
    });
    expect(await delivery.json()).toEqual({ received: true, duplicate: true });
    for (const name of ["x-content-type-options", "referrer-policy", "x-frame-options"]) {
      expect(health.headers.get(name)).not.toBeNull();
      expect(delivery.headers.get(name)).toBe(health.headers.get(name));
    }
    // A GET is Next's to answer: the route exports only POST.
    const get = await fetch(`${server.url}/api/stripe/webhook`);
    await get.arrayBuffer();
    expect(get.status).toBe(405);
  });
  it("shrugs off a sender that goes away mid-body: nothing stored, the next delivery answered", async () => {
    const before = withDb(dataDir.file, (db) => db.prepare("SELECT count(*) AS n FROM WebhookEvent").get());
    const body = customerEvent("evt_fast_cut");
    await new Promise<void>((resolve, reject) => {
      const socket = net.connect(server.port, "127.0.0.1", () => {
        socket.write(
          `POST /api/stripe/webhook HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: application/json\r\n` +
            `stripe-signature: ${signature(body, WEBHOOK_SECRET)}\r\ncontent-length: ${body.length}\r\n\r\n` +
            body.slice(0, 40),
          () => {
            socket.destroy();
            resolve();
          },
        );
      });
      socket.on("error", reject);
    });
    const next = await fetch(`${server.url}/api/stripe/webhook`, {
      method: "POST",
      headers: headersFor(deliveries[1]!, WEBHOOK_SECRET),
      body: deliveries[1]!.body,
    });
    expect(await next.json()).toEqual({ received: true, duplicate: true });
    expect(withDb(dataDir.file, (db) => db.prepare("SELECT count(*) AS n FROM WebhookEvent").get())).toEqual(
      before,
    );
  });
});
