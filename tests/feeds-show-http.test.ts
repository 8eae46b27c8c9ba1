// Showing a feed's link again, over HTTP against the built server: only the owner's session may
// (a walker 403, anonymous 401), each time writes an audit row; the link is the one first given
// and still serves; a feed made before has no sealed token and says to rotate; rotating replaces
// the sealed token. With no PUBLIC_URL the links say they work only on this computer.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSqlite } from "@/lib/db/sqlite";
import { createFeed } from "@/lib/feeds/tokens";
import { startAppServer, standaloneBuilt, type AppServer } from "@/tests/support/faults/app-server";
import { preparedDataDir, removeDataDirs, type DataDir } from "@/tests/support/faults/data-dir";
import { killAll } from "@/tests/support/faults/processes";
import { createAccount, onDatabase, rawRequest, signIn, type RawResponse } from "@/tests/support/http-auth";

let dataDir: DataDir;
let server: AppServer;
let base: string;
let owner: string;
let walker: string;
let oldFeedId: number;

interface Link {
  url: string;
  webcal: string;
  reach: string;
  warning: string | null;
  feed: { id: number; prefix: string; sealed: boolean };
}

const json = <T>(response: RawResponse) => JSON.parse(response.body) as T;
const send = (cookie: string | null, method: string, path: string, body?: unknown) =>
  rawRequest(`${base}${path}`, {
    method,
    headers: {
      origin: base,
      "content-type": "application/json",
      ...(cookie ? { cookie } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
const show = (cookie: string | null, id: number) => send(cookie, "POST", `/api/owner/feeds/${id}/link`);
const fetchFeed = (url: string) => rawRequest(`${base}${new URL(url).pathname}`);
const audits = () =>
  onDatabase(dataDir.file, (db) =>
    db.auditEvent.findMany({ where: { type: "feed-link-shown" }, orderBy: { id: "asc" } }),
  );

describe.skipIf(!standaloneBuilt())("feed links shown again, over HTTP", () => {
  beforeAll(async () => {
    dataDir = preparedDataDir();
    const samId = await onDatabase(
      dataDir.file,
      async (db) => (await db.staff.create({ data: { name: "Sam" } })).id,
    );
    // A feed made before links were kept (no seal key), as every feed of an older version.
    const sqlite = openSqlite(dataDir.file);
    try {
      oldFeedId = createFeed(sqlite, { scope: "business", label: "Old" }, new Date()).feed.id;
    } finally {
      sqlite.close();
    }
    await createAccount(dataDir.file, { email: "owner@example.com", role: "owner" });
    await createAccount(dataDir.file, { email: "sam@example.com", role: "staff", staffId: samId });
    server = await startAppServer(dataDir.dir);
    base = server.url;
    owner = (await signIn(base, "owner@example.com")).cookie;
    walker = (await signIn(base, "sam@example.com")).cookie;
  }, 90_000);
  afterAll(async () => {
    await killAll();
    removeDataDirs();
  });

  it("shows the owner the link first given, audited; walkers and strangers get nothing", async () => {
    const created = await send(owner, "POST", "/api/owner/feeds", { scope: "business", label: "Office" });
    expect(created.status).toBe(201);
    expect(created.headers["cache-control"]).toBe("no-store");
    const first = json<Link>(created);
    expect(first.url).toMatch(new RegExp(`^${base}/calendar/[A-Za-z0-9_-]{43}\\.ics$`));
    expect(first.reach).toBe("this-computer");
    expect(first.warning).toMatch(/is this computer only.*Set PUBLIC_URL/);
    expect(first.feed.sealed).toBe(true);
    // Not stored as plain text.
    const stored = await onDatabase(dataDir.file, (db) =>
      db.calendarFeed.findUniqueOrThrow({ where: { id: first.feed.id } }),
    );
    expect(stored.tokenSealed).toMatch(/^v1\./);
    expect(stored.tokenSealed).not.toContain(new URL(first.url).pathname.slice(10, 53));

    expect((await show(walker, first.feed.id)).status).toBe(403);
    expect((await show(null, first.feed.id)).status).toBe(401);
    expect(await audits()).toHaveLength(0);

    const again = await show(owner, first.feed.id);
    expect(again.status).toBe(200);
    expect(again.headers["cache-control"]).toBe("no-store");
    expect(json<Link>(again)).toMatchObject({ url: first.url, webcal: first.webcal, reach: "this-computer" });
    const rows = await audits();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actor: "owner@example.com", target: `feed ${first.feed.id}` });
    expect(JSON.parse(rows[0]!.detail)).toMatchObject({ feedId: first.feed.id, prefix: first.feed.prefix });

    const served = await fetchFeed(first.url);
    expect(served.status).toBe(200);
    expect(served.body).toContain("BEGIN:VCALENDAR");
  });

  it("a feed made before says to rotate; rotating replaces the sealed token; the old URL dies", async () => {
    const old = await show(owner, oldFeedId);
    expect(old.status).toBe(409);
    expect(json<{ detail: string }>(old).detail).toContain(
      "made before links could be shown again — rotate it to get one you can show again",
    );
    const before = (await audits()).length;
    expect(before).toBe(1); // a refusal reveals nothing and is not a "shown" row

    const rotated = await send(owner, "POST", `/api/owner/feeds/${oldFeedId}/rotate`);
    expect(rotated.status).toBe(200);
    const link = json<Link>(rotated);
    const shown = await show(owner, oldFeedId);
    expect(shown.status).toBe(200);
    expect(json<Link>(shown).url).toBe(link.url);
    expect((await fetchFeed(link.url)).status).toBe(200);

    const rotatedAgain = json<Link>(await send(owner, "POST", `/api/owner/feeds/${oldFeedId}/rotate`));
    expect(rotatedAgain.url).not.toBe(link.url);
    expect(json<Link>(await show(owner, oldFeedId)).url).toBe(rotatedAgain.url);
    expect((await fetchFeed(link.url)).status).toBe(404);
    expect((await fetchFeed(rotatedAgain.url)).status).toBe(200);
  });

  it("a revoked feed is never shown again; a walker's new link is sealed for the owner", async () => {
    const made = await send(walker, "POST", "/api/staff/feeds", {
      scope: "staff",
      staffId: (await onDatabase(dataDir.file, (db) => db.staff.findFirstOrThrow())).id,
    });
    expect(made.status).toBe(201);
    const walkerLink = json<{ id: number; url: string; reach: string; warning: string | null }>(made);
    expect(walkerLink.reach).toBe("this-computer");
    expect(walkerLink.warning).toContain("this computer only");
    expect(json<Link>(await show(owner, walkerLink.id)).url).toBe(walkerLink.url);

    expect((await send(owner, "DELETE", `/api/owner/feeds/${walkerLink.id}`)).status).toBe(200);
    expect((await show(owner, walkerLink.id)).status).toBe(404);
    expect((await show(owner, 99_999)).status).toBe(404);
  });
});
