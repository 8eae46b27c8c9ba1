// The owner's JSON routes in-process on the demo business: problem JSON naming the field,
// nothing written on bad input, staff refused, a stale preview answered 409 with the new one.
import { describe, expect, it } from "vitest";
import { POST as preview } from "@/app/api/owner/rules/preview/route";
import { POST as createRule } from "@/app/api/owner/rules/route";
import { PUT as replaceRule } from "@/app/api/owner/rules/[id]/route";
import { POST as moveRule } from "@/app/api/owner/rules/[id]/move/route";
import { POST as setActive } from "@/app/api/owner/rules/[id]/active/route";
import { POST as createFeed } from "@/app/api/owner/feeds/route";
import { POST as rotateFeed } from "@/app/api/owner/feeds/[id]/rotate/route";
import { DELETE as revokeFeed } from "@/app/api/owner/feeds/[id]/route";
import { POST as settingsPreview } from "@/app/api/owner/settings/preview/route";
import { PUT as saveSettings } from "@/app/api/owner/settings/route";
import { signedInCookie, withAuth } from "@/tests/support/auth";
import { demoAppDatabase } from "@/tests/support/demo-app";

const demo = demoAppDatabase();

async function call(
  handler: (r: Request, c: never) => Promise<Response>,
  method: string,
  body?: unknown,
  params: Record<string, string> = {},
  role: "owner" | "staff" = "owner",
) {
  const request = withAuth(
    new Request("http://localhost/api/owner/x", {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
    { cookie: await signedInCookie(role) },
  );
  return handler(request, { params: Promise.resolve(params) } as never);
}

const rule = {
  name: "Evening puppy class",
  serviceCode: "PUPPY",
  priority: 1,
  matcher: { serviceCodes: ["PUPPY"] },
  allocation: { durationMin: 45, startTimes: ["18:30"], schedule: { kind: "weekly", byWeekday: ["TH"] } },
};
const fingerprint = (db: ReturnType<typeof demo>) =>
  JSON.stringify([
    db.prepare("SELECT count(*) AS n, sum(sequence) AS s FROM Booking").get(),
    db.prepare("SELECT count(*) AS n FROM Rule").get(),
    db.prepare("SELECT * FROM Setting").get(),
  ]);

describe("/api/owner/rules", () => {
  it("previews, saves what was previewed, and refuses a stale preview with 409 + the new one", async () => {
    const db = demo();
    const shown = await call(preview, "POST", { rule });
    expect(shown.status).toBe(200);
    const summary = await shown.json();
    expect(summary.counts.created).toBeGreaterThan(0);

    const before = fingerprint(db);
    const stale = await call(createRule, "POST", { rule, expect: "not-the-fingerprint" });
    expect(stale.status).toBe(409);
    expect((await stale.json()).preview.fingerprint).toBe(summary.fingerprint);
    expect(fingerprint(db)).toBe(before);

    const saved = await call(createRule, "POST", { rule, expect: summary.fingerprint });
    expect(saved.status).toBe(201);
    const body = await saved.json();
    expect(body.summary).toMatchObject({
      inserted: summary.counts.created,
      updated: summary.counts.changed,
      cancelled: summary.counts.cancelled,
    });
    const moved = await call(moveRule, "POST", { direction: "down" }, { id: String(body.rule.id) });
    expect(moved.status).toBe(200);
    const off = await call(setActive, "POST", { active: false }, { id: String(body.rule.id) });
    expect(off.status).toBe(200);
    expect((await off.json()).summary.cancelled).toBe(summary.counts.created);
    expect((await call(setActive, "POST", { active: "no" }, { id: String(body.rule.id) })).status).toBe(422);
    expect((await call(setActive, "POST", { active: true }, { id: "424242" })).status).toBe(404);
  });

  it("an invalid rule is 422 naming each path, and writes nothing", async () => {
    const db = demo();
    const before = fingerprint(db);
    const bad = { ...rule, allocation: { ...rule.allocation, startTimes: ["9am"] } };
    for (const response of [
      await call(preview, "POST", { rule: bad }),
      await call(createRule, "POST", { rule: bad }),
      await call(replaceRule, "PUT", { rule: bad }, { id: "1" }),
    ]) {
      expect(response.status).toBe(422);
      expect(response.headers.get("content-type")).toContain("application/problem+json");
      expect((await response.json()).errors[0].path).toBe("allocation.startTimes[0]");
    }
    expect((await call(replaceRule, "PUT", { rule }, { id: "9999" })).status).toBe(404);
    expect((await call(replaceRule, "PUT", { rule }, { id: "abc" })).status).toBe(404);
    expect((await call(createRule, "POST", { rule, extra: 1 })).status).toBe(422);
    expect(fingerprint(db)).toBe(before);
  });

  it("staff are refused with 403 problem JSON", async () => {
    demo();
    const response = await call(preview, "POST", { rule }, {}, "staff");
    expect(response.status).toBe(403);
    expect(response.headers.get("content-type")).toContain("application/problem+json");
  });
});

describe("/api/owner/feeds", () => {
  it("creates, rotates and revokes; an unknown walker is 422 naming staffId", async () => {
    demo();
    const bad = await call(createFeed, "POST", { scope: "staff", staffId: 999 });
    expect(bad.status).toBe(422);
    expect((await bad.json()).errors[0].path).toBe("staffId");
    const created = await call(createFeed, "POST", { scope: "business" });
    expect(created.status).toBe(201);
    const { feed, url, webcal } = await created.json();
    expect(webcal).toBe(url.replace(/^http:/, "webcal:"));
    const rotated = await call(rotateFeed, "POST", undefined, { id: String(feed.id) });
    expect(rotated.status).toBe(200);
    expect((await rotated.json()).url).not.toBe(url);
    expect((await call(revokeFeed, "DELETE", undefined, { id: String(feed.id) })).status).toBe(200);
    expect((await call(rotateFeed, "POST", undefined, { id: String(feed.id) })).status).toBe(404);
    expect((await call(revokeFeed, "DELETE", undefined, { id: "424242" })).status).toBe(404);
  });
});

describe("/api/owner/settings", () => {
  const general = {
    businessName: "Happy Paws",
    timeZone: "Europe/London",
    horizonWeeks: 8,
    feedPastDays: 30,
    feedFutureDays: 180,
    paymentFailedPolicy: "keep",
  };

  it("previews a horizon change, applies it with the fingerprint, refuses bad input unchanged", async () => {
    const db = demo();
    const before = fingerprint(db);
    const bad = await call(saveSettings, "PUT", { settings: { ...general, timeZone: "Nowhere/Land" } });
    expect(bad.status).toBe(422);
    expect((await bad.json()).errors[0].path).toBe("settings.timeZone");
    expect(fingerprint(db)).toBe(before);

    const previewed = await (
      await call(settingsPreview, "POST", { settings: { ...general, horizonWeeks: 10 } })
    ).json();
    expect(previewed.rederiving).toEqual(["horizonWeeks"]);
    expect(previewed.preview.counts.created).toBeGreaterThan(0);
    const stale = await call(saveSettings, "PUT", {
      settings: { ...general, horizonWeeks: 10 },
      expect: null,
    });
    expect(stale.status).toBe(409);
    expect(fingerprint(db)).toBe(before);
    const saved = await call(saveSettings, "PUT", {
      settings: { ...general, horizonWeeks: 10 },
      expect: previewed.preview.fingerprint,
    });
    expect(saved.status).toBe(200);
    expect((await saved.json()).summary.inserted).toBe(previewed.preview.counts.created);
  });
});
