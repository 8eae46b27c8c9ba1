// Issue 22 items 3, 9 and 10 against the built server over HTTP: a customer name with CR/LF adds
// no event to the client's feed, a walker named like a formula is guarded in the report CSV, and
// a 400 KB customer name is accepted from Stripe, applied, and stored cut.
import ICAL from "ical.js";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFeed } from "@/lib/feeds/tokens";
import { TEXT_LIMITS } from "@/lib/text-limits";
import { insertBooking, insertClient, insertStaff, setFeedSettings } from "@/tests/calendar-fixtures";
import { deliver } from "@/tests/support/faults/events";
import {
  startAppServer,
  standaloneBuilt,
  WEBHOOK_SECRET,
  type AppServer,
} from "@/tests/support/faults/app-server";
import { preparedDataDir, removeDataDirs, withDb, type DataDir } from "@/tests/support/faults/data-dir";
import { killAll, waitFor } from "@/tests/support/faults/processes";
import { createAccount, signIn } from "@/tests/support/http-auth";
import { customer } from "@/tests/support/stripe-objects";

let dir: DataDir;
let server: AppServer;
const injected = "Eve\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nUID:x\r\nSUMMARY:Free walks\r\nEND:VEVENT";
const day = 86_400_000;
const start = new Date(Math.floor(Date.now() / day) * day + 2 * day + 9 * 3_600_000);

describe.skipIf(!standaloneBuilt())("escaping and text limits over HTTP", () => {
  beforeAll(async () => {
    dir = preparedDataDir();
    withDb(dir.file, (db) => {
      setFeedSettings(db, { businessName: "Paws & Co", timeZone: "UTC" });
      const staffId = insertStaff(db, '=HYPERLINK("http://evil.example","Sam")');
      insertClient(db, "cus_eve", injected);
      insertBooking(db, { key: "eve-1", start, clientStripeId: "cus_eve", staffId, status: "completed" });
    });
    server = await startAppServer(dir.dir);
  }, 60_000);
  afterAll(async () => {
    await killAll();
    removeDataDirs();
  });

  it("a client feed whose customer name holds CR/LF has exactly its one event and the name as text", async () => {
    const { token } = withDb(dir.file, (db) =>
      createFeed(db, { scope: "client", clientStripeId: "cus_eve" }, new Date()),
    );
    const response = await fetch(`${server.url}/calendar/${token}.ics`);
    expect(response.status).toBe(200);
    const body = await response.text();
    const root = new ICAL.Component(ICAL.parse(body));
    expect(root.getAllSubcomponents("vevent")).toHaveLength(1);
    expect(body.split("\r\n").filter((line) => line === "BEGIN:VEVENT")).toHaveLength(1);
    expect(body.replace(/\r\n /g, "")).toContain(
      "X-WR-CALNAME:Paws & Co — Eve\\nEND:VEVENT\\nBEGIN:VEVENT\\nUID:x\\nSUMMARY:Free walks\\nEND:VEVENT\r\n",
    );
  });

  it("the visits report CSV guards a walker's name that a spreadsheet would run", async () => {
    await createAccount(dir.file, { email: "owner@example.com", role: "owner" });
    const { cookie, status } = await signIn(server.url, "owner@example.com");
    expect(status).toBe(200);
    const on = start.toISOString().slice(0, 10);
    const response = await fetch(`${server.url}/api/owner/reports/visits/csv?from=${on}&to=${on}&by=staff`, {
      headers: { cookie },
    });
    expect(response.status).toBe(200);
    const rows = parse(await response.text()) as string[][];
    const walkers = rows.slice(1).map((row) => row[1]);
    expect(walkers).toContain('\'=HYPERLINK("http://evil.example","Sam")');
    expect(walkers.every((name) => !/^[=+\-@\t\r]/.test(name ?? ""))).toBe(true);
  });

  it("a Stripe customer with a 400 KB name is accepted and applied, its name stored cut", async () => {
    const body = JSON.stringify({
      id: "evt_huge_name",
      object: "event",
      type: "customer.created",
      created: Math.floor(Date.now() / 1000),
      livemode: false,
      data: { object: customer("cus_huge", { name: "N".repeat(400_000) }) },
    });
    expect(await deliver(server.url, body, WEBHOOK_SECRET)).toBe(200);
    await waitFor(
      () =>
        withDb(
          dir.file,
          (db) => db.prepare("SELECT 1 FROM Client WHERE stripeId = 'cus_huge'").get() !== undefined,
        ),
      { timeoutMs: 15_000, intervalMs: 100, what: "the customer applied" },
    );
    const name = withDb(
      dir.file,
      (db) =>
        (db.prepare("SELECT name FROM Client WHERE stripeId = 'cus_huge'").get() as { name: string }).name,
    );
    expect(name).toBe(`${"N".repeat(TEXT_LIMITS.customerName - 1)}…`);
  });
});
