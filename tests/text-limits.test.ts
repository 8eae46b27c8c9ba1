// Stored text lengths (lib/text-limits.ts): text from Stripe is cut at ingest, never refused,
// with the object kept whole in `raw`; text typed in the app past its limit is a 422 naming the
// field, and nothing is written.
import fc from "fast-check";
import Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { POST as createFeedRoute } from "@/app/api/owner/feeds/route";
import { POST as createBooking } from "@/app/api/staff/bookings/route";
import { POST as webhook } from "@/app/api/stripe/webhook/route";
import { bookingCreateBody, bookingPatchBody, feedCreateBody } from "@/lib/api/v1/schemas";
import { sqlite } from "@/lib/db/sqlite";
import { feedScopeSchema } from "@/lib/feeds/tokens";
import { manualFormSchema, staffFormSchema, statusFormSchema } from "@/lib/schedule/forms";
import { generalSettingsSchema } from "@/lib/settings-form";
import { ingestObjects } from "@/lib/stripe/ingest";
import { TEXT_LIMITS, truncateText } from "@/lib/text-limits";
import { webhookWorkerIdle } from "@/lib/webhooks/worker";
import { WEBHOOK_SECRET } from "@/tests/support/app-env";
import { signedInCookie, withAuth } from "@/tests/support/auth";
import { demoAppDatabase } from "@/tests/support/demo-app";
import { customer, price, product, T0 } from "@/tests/support/stripe-objects";

const demo = demoAppDatabase();

describe("truncateText", () => {
  it("keeps text that fits; cuts the rest to the limit, ending in …, never halving a character", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "binary", maxLength: 60 }),
        fc.integer({ min: 2, max: 40 }),
        (text, max) => {
          const cut = truncateText(text, max);
          if (text.length <= max) {
            expect(cut).toBe(text);
            return;
          }
          expect(cut.length).toBeLessThanOrEqual(max);
          expect(cut.length).toBeGreaterThanOrEqual(max - 1);
          expect(cut.endsWith("…")).toBe(true);
          const kept = cut.slice(0, -1);
          expect(text.startsWith(kept)).toBe(true);
          // A surrogate pair of the text is never cut in half.
          const last = kept.charCodeAt(kept.length - 1);
          const next = text.charCodeAt(kept.length);
          expect(last >= 0xd800 && last <= 0xdbff && next >= 0xdc00 && next <= 0xdfff).toBe(false);
        },
      ),
    );
    expect(truncateText("ab😀cd", 4)).toBe("ab…");
  });
});

describe("text from Stripe", () => {
  it("is cut at ingest to its limit; the mirror row's raw keeps the object whole", () => {
    const db = demo();
    const huge = "N".repeat(500_000);
    ingestObjects(
      db,
      [
        {
          object: customer("cus_long", {
            name: huge,
            email: `${"e".repeat(400)}@x.example`,
            phone: "1".repeat(90),
          }),
        },
        { object: product("prod_long", "WALK60", { name: huge, description: "d".repeat(9000) }) },
        { object: price("price_long", "prod_long", "week", { nickname: huge }) },
        {
          object: {
            id: "ii_long",
            object: "invoiceitem",
            created: T0,
            customer: "cus_long",
            description: huge,
            amount: 1000,
            currency: "gbp",
            livemode: false,
            metadata: {},
          },
        },
      ].map((item) => ({ ...item, sourceAt: new Date() })),
      { now: new Date() },
    );
    const client = db
      .prepare("SELECT name, email, phone, raw FROM Client WHERE stripeId = 'cus_long'")
      .get() as {
      name: string;
      email: string;
      phone: string;
      raw: string;
    };
    expect(client.name).toBe(`${"N".repeat(TEXT_LIMITS.customerName - 1)}…`);
    expect(client.email).toHaveLength(TEXT_LIMITS.email);
    expect(client.phone).toHaveLength(TEXT_LIMITS.phone);
    expect((JSON.parse(client.raw) as { name: string }).name).toBe(huge);
    const item = db.prepare("SELECT name, description FROM Product WHERE stripeId = 'prod_long'").get() as {
      name: string;
      description: string;
    };
    expect(item.name).toHaveLength(TEXT_LIMITS.productName);
    expect(item.description).toHaveLength(TEXT_LIMITS.description);
    const nickname = db.prepare("SELECT nickname FROM Price WHERE stripeId = 'price_long'").get() as {
      nickname: string;
    };
    expect(nickname.nickname).toHaveLength(TEXT_LIMITS.priceNickname);
    const ii = db.prepare("SELECT description FROM InvoiceItem WHERE stripeId = 'ii_long'").get() as {
      description: string;
    };
    expect(ii.description).toHaveLength(TEXT_LIMITS.description);
  });

  it("a webhook with a 400 KB customer name is accepted and applied, the name cut, the event kept whole", async () => {
    demo();
    const body = JSON.stringify({
      id: "evt_long_name",
      object: "event",
      type: "customer.created",
      created: Math.floor(Date.now() / 1000),
      livemode: false,
      data: { object: customer("cus_400k", { name: "Ł".repeat(200_000) }) },
    });
    const response = await webhook(
      new Request("http://localhost/api/stripe/webhook", {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "stripe-signature": Stripe.webhooks.generateTestHeaderString({
            payload: body,
            secret: WEBHOOK_SECRET,
          }),
        },
        body,
      }),
      { params: Promise.resolve({}) },
    );
    expect(response.status).toBe(200);
    await webhookWorkerIdle();
    const db = sqlite();
    const row = db.prepare("SELECT name FROM Client WHERE stripeId = 'cus_400k'").get() as { name: string };
    expect(row.name).toHaveLength(TEXT_LIMITS.customerName);
    const stored = db
      .prepare("SELECT status, length(payload) AS n FROM WebhookEvent WHERE stripeEventId = ?")
      .get("evt_long_name") as { status: string; n: number };
    expect(stored).toEqual({ status: "processed", n: body.length });
  });
});

describe("text typed in the app", () => {
  const over = (limit: number) => "x".repeat(limit + 1);
  const exactly = (limit: number) => "x".repeat(limit);
  const cases: Array<
    [string, { safeParse: (v: unknown) => { success: boolean; error?: unknown } }, object, string, number]
  > = [
    ["staff form: name", staffFormSchema, { color: "#2563eb" }, "name", TEXT_LIMITS.staffName],
    ["status form: note", statusFormSchema, { status: "completed" }, "note", TEXT_LIMITS.note],
    ["status form: reason", statusFormSchema, { status: "cancelled" }, "reason", TEXT_LIMITS.statusReason],
    [
      "manual booking: notes",
      manualFormSchema,
      { title: "Walk", serviceCode: "WALK60", date: "2026-12-08", startTime: "09:00", durationMin: 60 },
      "notes",
      TEXT_LIMITS.note,
    ],
    [
      "manual booking: title",
      manualFormSchema,
      { serviceCode: "WALK60", date: "2026-12-08", startTime: "09:00", durationMin: 60 },
      "title",
      TEXT_LIMITS.bookingTitle,
    ],
    ["feed: label", feedScopeSchema, { scope: "business" }, "label", TEXT_LIMITS.feedLabel],
    [
      "settings: business name",
      generalSettingsSchema,
      {
        timeZone: "Europe/London",
        horizonWeeks: 8,
        feedPastDays: 30,
        feedFutureDays: 180,
        paymentFailedPolicy: "hold",
      },
      "businessName",
      TEXT_LIMITS.businessName,
    ],
    ["API booking: notes", bookingPatchBody, {}, "notes", TEXT_LIMITS.note],
    [
      "API booking: title",
      bookingCreateBody,
      { startAt: "2026-12-08T09:00:00Z", endAt: "2026-12-08T10:00:00Z" },
      "title",
      TEXT_LIMITS.bookingTitle,
    ],
    ["API feed: label", feedCreateBody, {}, "label", TEXT_LIMITS.feedLabel],
  ];

  it.each(cases)(
    "%s: the limit passes, one more is refused naming the field",
    (_, schema, base, field, limit) => {
      const accepted = schema.safeParse({ ...base, [field]: exactly(limit) });
      expect(accepted.success, JSON.stringify(accepted.error)).toBe(true);
      const refused = schema.safeParse({ ...base, [field]: over(limit) });
      expect(refused.success).toBe(false);
      expect(
        (refused.error as { issues: { path: PropertyKey[] }[] }).issues.map((i) => i.path.join(".")),
      ).toContain(field);
    },
  );

  async function post(handler: (r: Request, c: never) => Promise<Response>, path: string, body: unknown) {
    const request = withAuth(
      new Request(`http://localhost${path}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      }),
      { cookie: await signedInCookie("owner") },
    );
    return handler(request, { params: Promise.resolve({}) } as never);
  }

  it("a screen's route answers 422 problem JSON naming the field and writes nothing", async () => {
    const db = demo();
    const count = (table: string) =>
      (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    const [bookings, feeds] = [count("Booking"), count("CalendarFeed")];
    const tooLong = await post(createBooking, "/api/staff/bookings", {
      title: "Walk",
      serviceCode: "WALK60",
      date: "2026-12-08",
      startTime: "09:00",
      durationMin: 60,
      notes: over(TEXT_LIMITS.note),
    });
    expect(tooLong.status).toBe(422);
    expect(tooLong.headers.get("content-type")).toBe("application/problem+json");
    expect(((await tooLong.json()) as { errors: { path: string }[] }).errors.map((e) => e.path)).toContain(
      "notes",
    );
    const label = await post(createFeedRoute, "/api/owner/feeds", {
      scope: "business",
      label: over(TEXT_LIMITS.feedLabel),
    });
    expect(label.status).toBe(422);
    expect(((await label.json()) as { errors: { path: string }[] }).errors.map((e) => e.path)).toContain(
      "label",
    );
    expect([count("Booking"), count("CalendarFeed")]).toEqual([bookings, feeds]);
  });
});
