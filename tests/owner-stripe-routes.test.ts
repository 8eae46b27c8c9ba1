// The owner's Stripe and reconciliation routes in-process on the demo business: owner only,
// problem JSON on bad input with nothing written, the CSV of each category.
import { describe, expect, it } from "vitest";
import { GET as reconciliation } from "@/app/api/owner/reconciliation/route";
import { GET as reconciliationCsv } from "@/app/api/owner/reconciliation/[category]/route";
import { GET as status } from "@/app/api/owner/stripe/status/route";
import { GET as sync } from "@/app/api/owner/stripe/sync/route";
import { GET as webhooks } from "@/app/api/owner/webhooks/route";
import { POST as retry } from "@/app/api/owner/webhooks/retry/route";
import { signedInCookie, withAuth } from "@/tests/support/auth";
import { demoAppDatabase } from "@/tests/support/demo-app";

const demo = demoAppDatabase();

async function call(
  handler: (r: Request, c: never) => Promise<Response>,
  method: string,
  path: string,
  options: { body?: string; params?: Record<string, string>; role?: "owner" | "staff" } = {},
) {
  const request = withAuth(
    new Request(`http://localhost${path}`, {
      method,
      headers: options.body === undefined ? {} : { "content-type": "application/json" },
      body: options.body,
    }),
    { cookie: await signedInCookie(options.role ?? "owner") },
  );
  return handler(request, { params: Promise.resolve(options.params ?? {}) } as never);
}

describe("/api/owner routes", () => {
  it("answer staff with 403 problem JSON", async () => {
    demo();
    for (const [handler, path] of [
      [reconciliation, "/api/owner/reconciliation"],
      [webhooks, "/api/owner/webhooks"],
      [sync, "/api/owner/stripe/sync"],
      [status, "/api/owner/stripe/status"],
    ] as const) {
      const response = await call(handler, "GET", path, { role: "staff" });
      expect(response.status, path).toBe(403);
      expect(response.headers.get("content-type")).toContain("application/problem+json");
    }
  });

  it("refuse bad input with problem JSON and change nothing", async () => {
    const db = demo();
    db.prepare(
      `INSERT INTO WebhookEvent (stripeEventId, type, eventCreated, payload, receivedAt, status, attempts, error)
       VALUES ('evt_x', 'customer.updated', 0, '{}', 0, 'failed', 5, 'boom')`,
    ).run();
    const before = db.prepare("SELECT status, attempts, error FROM WebhookEvent").all();
    expect((await call(webhooks, "GET", "/api/owner/webhooks?status=nope")).status).toBe(422);
    expect((await call(webhooks, "GET", "/api/owner/webhooks?page=0")).status).toBe(422);
    expect((await call(reconciliation, "GET", "/api/owner/reconciliation?view=all")).status).toBe(422);
    expect((await call(retry, "POST", "/api/owner/webhooks/retry", { body: "{not json" })).status).toBe(400);
    const bad = await call(retry, "POST", "/api/owner/webhooks/retry", { body: JSON.stringify({ id: -1 }) });
    expect(bad.status).toBe(422);
    expect(
      (await call(retry, "POST", "/api/owner/webhooks/retry", { body: JSON.stringify({ all: false }) }))
        .status,
    ).toBe(422);
    expect(
      (await call(retry, "POST", "/api/owner/webhooks/retry", { body: JSON.stringify({ id: 9999 }) })).status,
    ).toBe(404);
    expect(db.prepare("SELECT status, attempts, error FROM WebhookEvent").all()).toEqual(before);
    const unknown = await call(reconciliationCsv, "GET", "/api/owner/reconciliation/nope", {
      params: { category: "nope" },
    });
    expect(unknown.status).toBe(404);
  });

  it("list failed webhooks, and give each category as CSV matching the JSON report", async () => {
    demo();
    const log = await call(webhooks, "GET", "/api/owner/webhooks?status=processed");
    expect(log.status).toBe(200);
    expect(await log.json()).toMatchObject({ page: 1 });
    const report = (await (await call(reconciliation, "GET", "/api/owner/reconciliation")).json()) as Record<
      string,
      unknown[]
    >;
    const counts = (await (
      await call(reconciliation, "GET", "/api/owner/reconciliation?view=counts")
    ).json()) as Record<string, number>;
    expect(Object.fromEntries(Object.entries(report).map(([k, rows]) => [k, rows.length]))).toEqual(counts);
    const csv = await call(reconciliationCsv, "GET", "/api/owner/reconciliation/paid-unscheduled", {
      params: { category: "paid-unscheduled" },
    });
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(csv.headers.get("content-disposition")).toMatch(
      /^attachment; filename="reconciliation-paid-unscheduled-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const lines = (await csv.text()).trimEnd().split("\r\n");
    expect(lines).toHaveLength(1 + (counts.paidUnscheduled ?? 0));
  });

  it("CSV links use the address the app is served on (Host), not Next's localhost", async () => {
    demo();
    const cookie = await signedInCookie("owner");
    let links = 0;
    for (const slug of ["paid-unscheduled", "scheduled-unpaid", "cancelled-still-booked", "overbooked"]) {
      const request = withAuth(
        new Request(`http://localhost:3000/api/owner/reconciliation/${slug}`, {
          headers: { host: "127.0.0.1:3456" },
        }),
        { cookie },
      );
      const csv = await (
        await reconciliationCsv(request, { params: Promise.resolve({ category: slug }) } as never)
      ).text();
      const fixes = csv.match(/https?:\/\/[^,\r\n]+/g) ?? [];
      links += fixes.length;
      for (const url of fixes) expect(url).toMatch(/^http:\/\/127\.0\.0\.1:3456\//);
    }
    expect(links).toBeGreaterThan(0);
  });
});
