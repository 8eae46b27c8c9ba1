// Issue 24 ("Smaller") over HTTP against the built server: a missing booking, client, staff
// member or rule — or another walker's — answers 404 with the app's own page (it answered 200:
// the page streamed inside loading.tsx before notFound()), an unknown address too; a bookings
// page past the end says so and links to the last page; the favicon is served.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAppServer, standaloneBuilt, type AppServer } from "@/tests/support/faults/app-server";
import { preparedDataDir, removeDataDirs, type DataDir } from "@/tests/support/faults/data-dir";
import { killAll } from "@/tests/support/faults/processes";
import { createAccount, onDatabase, rawRequest, signIn } from "@/tests/support/http-auth";

let dataDir: DataDir;
let server: AppServer;
let owner: string;
let walker: string;
const ids = { booking: 0, othersBooking: 0, rule: 0, sam: 0, alex: 0 };

const get = (path: string, cookie: string) => rawRequest(`${server.url}${path}`, { headers: { cookie } });

describe.skipIf(!standaloneBuilt())("404 pages and paging past the end (issue 24)", () => {
  beforeAll(async () => {
    dataDir = preparedDataDir();
    await onDatabase(dataDir.file, async (db) => {
      const sam = await db.staff.create({ data: { name: "Sam Patel" } });
      const alex = await db.staff.create({ data: { name: "Alex Kim" } });
      const now = new Date();
      await db.client.create({
        data: {
          stripeId: "cus_known",
          name: "Known Client",
          raw: "{}",
          contentHash: "x",
          stripeCreated: now,
          sourceAt: now,
          appliedAt: now,
        },
      });
      const booking = (key: string, staffId: number) =>
        db.booking.create({
          data: {
            bookingKey: key,
            clientStripeId: "cus_known",
            serviceCode: "WALK",
            title: "Walk",
            startAt: new Date(now.getTime() + 86_400_000),
            endAt: new Date(now.getTime() + 90_000_000),
            staffId,
            sourceKind: "manual",
          },
        });
      ids.booking = (await booking("manual:a", sam.id)).id;
      ids.othersBooking = (await booking("manual:b", alex.id)).id;
      const rule = await db.rule.create({
        data: { name: "Weekly walk", serviceCode: "WALK", matcherJson: "{}", allocationJson: "{}" },
      });
      ids.rule = rule.id;
      ids.sam = sam.id;
      ids.alex = alex.id;
    });
    await createAccount(dataDir.file, { email: "owner@example.com", role: "owner" });
    await createAccount(dataDir.file, { email: "sam@example.com", role: "staff", staffId: ids.sam });
    server = await startAppServer(dataDir.dir);
    owner = (await signIn(server.url, "owner@example.com")).cookie;
    walker = (await signIn(server.url, "sam@example.com")).cookie;
  }, 90_000);
  afterAll(async () => {
    await killAll();
    removeDataDirs();
  });

  it("answers 404 with the section's page for a missing booking, client, staff member or rule", async () => {
    const cases = [
      ["/bookings/999999", "No such booking"],
      ["/bookings/not-a-number", "No such booking"],
      ["/clients/cus_missing", "No such client"],
      ["/staff/999999", "No such staff member"],
      ["/rules/999999", "No such rule"],
      ["/no-such-screen", "Page not found"],
    ] as const;
    for (const [path, heading] of cases) {
      const response = await get(path, owner);
      expect({ path, status: response.status }).toEqual({ path, status: 404 });
      // The section's page in the kit (sent as the page's React payload when the layout decides,
      // drawn by the browser: e2e/smaller.spec.ts), not Next's bare "This page could not be found."
      expect(response.body).toContain(heading);
      expect(response.body).not.toContain("This page could not be found");
    }
  });

  it("still answers 200 for what exists, and 404 for another walker's booking and page", async () => {
    expect((await get(`/bookings/${ids.booking}`, owner)).status).toBe(200);
    expect((await get("/clients/cus_known", owner)).status).toBe(200);
    expect((await get(`/staff/${ids.sam}`, owner)).status).toBe(200);
    expect((await get(`/rules/${ids.rule}`, owner)).status).toBe(200);
    expect((await get(`/bookings/${ids.booking}`, walker)).status).toBe(200);
    const others = await get(`/bookings/${ids.othersBooking}`, walker);
    expect(others.status).toBe(404);
    expect(others.body).toContain("No such booking");
    expect((await get(`/staff/${ids.alex}`, walker)).status).toBe(404);
  });

  it("says a page past the end has no bookings and links to the last page", async () => {
    const past = await get("/bookings?tab=all&page=999", owner);
    expect(past.status).toBe(200);
    expect(past.body).toContain("No bookings on this page");
    expect(past.body).toContain('href="/bookings?tab=all"');
    expect(past.body).not.toContain("Nothing here yet");
    const first = await get("/bookings?tab=all", owner);
    expect(first.body).not.toContain("No bookings on this page");
  });

  it("serves a favicon from the app, linked from every page", async () => {
    const page = await get("/bookings", owner);
    const href = /<link rel="icon" href="([^"]+)"/.exec(page.body)?.[1];
    expect(href).toMatch(/^\/icon\.svg/);
    const icon = await rawRequest(`${server.url}${href}`);
    expect(icon.status).toBe(200);
    expect(icon.headers["content-type"]).toContain("image/svg+xml");
  });
});
