// Staff screens end to end (issue 11): assign (single, bulk, client default), reschedule one
// then "this and following", cancel one then a webhook re-derives (the visit stays cancelled),
// complete with a note, a manual booking, client search, the schedule at 390 px; axe on every
// screen; screenshots of every screen at 1400 and 390 px in test-results/screens/.
import Stripe from "stripe";
import type { APIRequestContext, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { noSeriousAxeViolations } from "./axe";

// Tests run in file order on one worker (playwright.config.ts); later ones use the client the
// webhook test creates.

/** A toast's visible text (Radix also announces it in a hidden live region). */
const toast = (page: Page, text: string | RegExp) =>
  page.getByText(text, { exact: typeof text === "string" }).first();

const ZONE = "Europe/London";
const origin = () => `http://127.0.0.1:${process.env.E2E_PORT}`;
const secret = "whsec_e2e_test_secret";

interface ApiBooking {
  id: number;
  title: string;
  status: string;
  startAt: string;
  endAt: string;
  clientStripeId: string | null;
  staffId: number | null;
  sourceKind: string;
  sourceId: string | null;
  sourceLineId: string | null;
}

async function bookings(request: APIRequestContext, query = ""): Promise<ApiBooking[]> {
  const from = new Date().toISOString();
  const response = await request.get(`/api/bookings?limit=1000&from=${encodeURIComponent(from)}${query}`);
  expect(response.status()).toBe(200);
  return ((await response.json()) as { bookings: ApiBooking[] }).bookings;
}

async function staffIdOf(request: APIRequestContext, name: string): Promise<number> {
  const page = await request.get("/staff");
  const html = await page.text();
  const match = new RegExp(`href="/staff/(\\d+)"[^>]*>${name}<`).exec(html);
  expect(match, `staff ${name}`).not.toBeNull();
  return Number(match![1]);
}

function local(iso: string, part: "time" | "weekday" | "date"): string {
  const d = new Date(iso);
  if (part === "time")
    return new Intl.DateTimeFormat("en-GB", { timeZone: ZONE, hour: "2-digit", minute: "2-digit" }).format(d);
  if (part === "weekday")
    return new Intl.DateTimeFormat("en-GB", { timeZone: ZONE, weekday: "short" }).format(d);
  return new Intl.DateTimeFormat("en-CA", {
    timeZone: ZONE,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(d);
}

async function webhook(request: APIRequestContext, event: object) {
  const body = JSON.stringify(event);
  const response = await request.post("/api/stripe/webhook", {
    headers: {
      "content-type": "application/json",
      "stripe-signature": Stripe.webhooks.generateTestHeaderString({ payload: body, secret }),
    },
    data: body,
  });
  expect(response.status()).toBe(200);
}

test("assign a walker to one visit, to several at once, and as a client's default", async ({
  page,
  request,
}) => {
  const all = await bookings(request, "&status=scheduled");
  const unassigned = all.filter((b) => b.staffId === null && b.sourceKind === "subscription");
  expect(unassigned.length).toBeGreaterThan(5);

  // Single, from the booking page.
  const one = unassigned[0]!;
  await page.goto(`/bookings/${one.id}`);
  await page.getByRole("combobox", { name: "Walker" }).selectOption({ label: "Sam Patel" });
  await page.getByRole("button", { name: "Assign", exact: true }).click();
  await expect(toast(page, "Walker changed from nobody to Sam Patel")).toBeVisible();
  await expect(page.getByRole("region", { name: "Visit" })).toContainText("Sam Patel");

  // Bulk, from the schedule (day of the next unassigned visit, unassigned lane only).
  const day = local(unassigned[1]!.startAt, "date");
  await page.goto(`/schedule?view=day&date=${day}&staff=none`);
  const boxes = page.getByTestId("booking-card").getByRole("checkbox");
  const count = Math.min(await boxes.count(), 3);
  expect(count).toBeGreaterThan(0);
  const ids: number[] = [];
  for (let i = 0; i < count; i++) {
    await boxes.nth(i).check();
    ids.push(Number(await page.getByTestId("booking-card").nth(i).getAttribute("data-booking-id")));
  }
  const selection = page.getByRole("region", { name: "Selection" });
  await expect(selection).toContainText(`${count} selected`);
  await selection.getByRole("combobox", { name: "Walker" }).selectOption({ label: "Jordan Lee" });
  await selection.getByRole("button", { name: "Assign to" }).click();
  await expect(toast(page, `${count} visit${count === 1 ? "" : "s"} assigned to Jordan Lee`)).toBeVisible();
  const jordan = await staffIdOf(request, "Jordan Lee");
  const after = await bookings(request);
  for (const id of ids) expect(after.find((b) => b.id === id)?.staffId).toBe(jordan);

  // Client default: later visits of the client get the walker; a hand assignment stays.
  const clientId = unassigned.find(
    (b) => b.clientStripeId && b.id !== one.id && !ids.includes(b.id),
  )!.clientStripeId!;
  const ofClient = (await bookings(request, `&clientId=${clientId}`)).filter((b) => b.status === "scheduled");
  const handPicked = ofClient[0]!;
  const sam = await staffIdOf(request, "Sam Patel");
  const assign = await request.post("/api/staff/bookings/assign", {
    data: { ids: [handPicked.id], staffId: sam },
    headers: { origin: origin() },
  });
  expect(assign.status()).toBe(200);
  await page.goto(`/clients/${clientId}`);
  await page
    .getByRole("combobox", { name: "Default walker for this client" })
    .selectOption({ label: "Alex Morgan" });
  await page
    .getByRole("region", { name: "Default walker" })
    .getByRole("button", { name: "Save default" })
    .click();
  await expect(toast(page, "Default walker set to Alex Morgan")).toBeVisible();
  await expect(page.getByRole("region", { name: "Upcoming visits" })).toContainText("Alex Morgan");
  const alex = await staffIdOf(request, "Alex Morgan");
  const later = await bookings(request, `&clientId=${clientId}`);
  expect(later.find((b) => b.id === handPicked.id)?.staffId).toBe(sam);
  expect(
    later.filter((b) => b.id !== handPicked.id && b.status === "scheduled").every((b) => b.staffId === alex),
  ).toBe(true);
});

test("reschedule one visit, then this and following", async ({ page, request }) => {
  const series = (await bookings(request, "&status=scheduled")).filter(
    (b) => b.sourceKind === "subscription" && b.sourceLineId,
  );
  // A weekly series (one visit a week), so "Tuesdays at 10:00" reads as people expect.
  const byLine = new Map<string, ApiBooking[]>();
  for (const b of series) byLine.set(b.sourceLineId!, [...(byLine.get(b.sourceLineId!) ?? []), b]);
  const weekly = [...byLine.values()].find(
    (v) =>
      v.length > 2 && new Date(v[1]!.startAt).getTime() - new Date(v[0]!.startAt).getTime() >= 6 * 86_400_000,
  );
  expect(weekly).toBeDefined();
  const visits = weekly!;
  const line = visits[0]!.sourceLineId!;
  expect(visits.length).toBeGreaterThan(2);
  const target = visits[1]!;

  await page.goto(`/bookings/${target.id}`);
  await page.getByRole("button", { name: "Reschedule" }).click();
  const dialog = page.getByRole("dialog", { name: "Reschedule this visit" });
  await dialog.getByLabel("Start time").fill("07:30");
  await dialog.getByLabel("Duration (minutes)").fill("2");
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog.getByText("at least 5 minutes")).toBeVisible(); // the shared schema, in the browser
  await dialog.getByLabel("Duration (minutes)").fill("45");
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(toast(page, /^Moved from .* to 07:30, now ending at 08:15$/)).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 }).locator("xpath=following-sibling::p")).toContainText(
    "07:30–08:15",
  );
  await expect(page.getByRole("list", { name: "History" })).toContainText(/Moved from .* to 07:30.* by you/);

  // This and following: from this visit's date, Tuesdays at 10:00.
  await page.getByRole("button", { name: "This and following…" }).click();
  const series2 = page.getByRole("dialog", { name: "Change this and following visits" });
  await series2.getByLabel("Day of the week").selectOption({ label: "Tuesday" });
  await series2.getByLabel("Start time").fill("10:00");
  await series2.getByRole("button", { name: "Apply to this and following" }).click();
  await expect(toast(page, /Tuesdays at 10:00/)).toBeVisible();
  const fromDate = local(target.startAt, "date");
  await expect
    .poll(async () => {
      const now = (await bookings(request, `&sourceId=${target.sourceId}`)).filter(
        (b) => b.sourceLineId === line && b.status !== "cancelled" && local(b.startAt, "date") >= fromDate,
      );
      return (
        now.length > 0 &&
        now.every((b) => local(b.startAt, "weekday") === "Tue" && local(b.startAt, "time") === "10:00")
      );
    })
    .toBe(true);
  const earlier = (await bookings(request, `&sourceId=${target.sourceId}`)).find(
    (b) => b.id === visits[0]!.id,
  );
  expect(local(earlier!.startAt, "time")).toBe(local(visits[0]!.startAt, "time"));
});

test("a cancelled visit stays cancelled when a webhook re-derives its subscription; the open schedule updates", async ({
  page,
  request,
}) => {
  const T = Math.floor(Date.now() / 1000);
  const customer = {
    id: "cus_e2e_screens",
    object: "customer",
    created: T,
    email: "screens@example.com",
    name: "Screens Client",
    livemode: false,
    metadata: {},
  };
  const subscription = {
    id: "sub_e2e_screens",
    object: "subscription",
    created: T,
    customer: customer.id,
    status: "active",
    currency: "gbp",
    start_date: T,
    cancel_at_period_end: false,
    livemode: false,
    metadata: {},
    items: {
      object: "list",
      has_more: false,
      data: [
        {
          id: "si_e2e_screens",
          object: "subscription_item",
          created: T,
          quantity: 1,
          metadata: {},
          price: { id: "price_walk60_weekly", object: "price", product: "prod_walk60" },
          current_period_start: T,
          current_period_end: T + 7 * 86400,
        },
      ],
    },
  };
  const event = (id: string, type: string, created: number, object: object) => ({
    id,
    object: "event",
    type,
    created,
    livemode: false,
    data: { object },
  });
  await webhook(request, event("evt_scr_cus", "customer.created", T, customer));
  await webhook(request, event("evt_scr_sub", "customer.subscription.created", T, subscription));
  await expect
    .poll(async () => (await bookings(request, "&sourceId=sub_e2e_screens")).length)
    .toBeGreaterThan(1);
  const [first, second] = await bookings(request, "&sourceId=sub_e2e_screens");

  await page.goto(`/bookings/${first!.id}`);
  await page.getByRole("button", { name: "Cancel visit" }).click();
  const dialog = page.getByRole("dialog", { name: "Cancel this visit?" });
  await dialog.getByLabel("Reason (optional)").fill("client away");
  await dialog.getByRole("button", { name: "Cancel this visit" }).click();
  await expect(toast(page, "Cancelled (client away)")).toBeVisible();
  await expect(page.getByRole("region", { name: "Visit" })).toContainText("cancelled");

  // The schedule, open on the other visit's day, shows the renamed client without a reload.
  await page.goto(`/schedule?view=day&date=${local(second!.startAt, "date")}`);
  await expect(page.getByTestId("booking-card").filter({ hasText: "Screens Client" }).first()).toBeVisible();
  await webhook(
    request,
    event("evt_scr_sub_upd", "customer.subscription.updated", T + 5, {
      ...subscription,
      metadata: { note: "re-derive" },
    }),
  );
  await webhook(
    request,
    event("evt_scr_cus_upd", "customer.updated", T + 6, { ...customer, name: "Screens Renamed" }),
  );
  await expect(page.getByTestId("booking-card").filter({ hasText: "Screens Renamed" }).first()).toBeVisible({
    timeout: 15_000,
  });

  const now = await bookings(request, "&sourceId=sub_e2e_screens");
  expect(now.find((b) => b.id === first!.id)?.status).toBe("cancelled");
  await page.goto(`/bookings/${first!.id}`);
  await expect(page.getByRole("region", { name: "Visit" })).toContainText("cancelled");
  await expect(page.getByRole("list", { name: "History" })).toContainText("client away");
});

test("complete a visit with a note and check-in/out", async ({ page, request }) => {
  // A visit that began an hour ago: nothing is completed before it starts (lib/bookings/visit-guards.ts).
  const startAt = new Date(Date.now() - 60 * 60_000);
  startAt.setUTCSeconds(0, 0);
  const created = await request.post("/api/v1/bookings", {
    data: { title: "E2E visit to complete", startAt, endAt: new Date(startAt.getTime() + 45 * 60_000) },
    headers: { origin: `http://127.0.0.1:${process.env.E2E_PORT}` },
  });
  expect(created.status(), await created.text()).toBe(201);
  const target = (await created.json()) as { id: number };
  // datetime-local values in the business zone (Europe/London in the e2e server).
  const local = (at: Date) =>
    new Intl.DateTimeFormat("sv-SE", {
      timeZone: "Europe/London",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
    })
      .format(at)
      .replace(" ", "T");
  const checkIn = new Date(startAt.getTime() + 2 * 60_000);
  const checkOut = new Date(startAt.getTime() + 46 * 60_000);
  await page.goto(`/bookings/${target.id}`);
  await page.getByRole("button", { name: "Complete…" }).click();
  const dialog = page.getByRole("dialog", { name: "Record the visit" });
  await dialog.getByLabel("Checked in").fill(local(checkIn));
  await dialog.getByLabel("Checked out").fill(local(checkOut));
  await dialog.getByLabel("Note").fill("Rex pulled less today");
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(toast(page, /^Marked completed/)).toBeVisible();
  const visit = page.getByRole("region", { name: "Visit" });
  await expect(visit).toContainText("completed");
  await expect(visit).toContainText("Rex pulled less today");
  await expect(visit).toContainText(`${local(checkIn).slice(11)} / ${local(checkOut).slice(11)}`);
});

test("create a manual booking; the server names the field it refuses", async ({ page, request }) => {
  await page.goto("/bookings/new");
  const form = page.getByRole("form", { name: "New booking" });
  await form.getByRole("button", { name: "Create booking" }).click();
  await expect(form.getByText("a title is required")).toBeVisible();
  await form.getByLabel("Title").fill("Extra walk — E2E manual");
  await form.getByRole("button", { name: "Client" }).click();
  await page.getByRole("combobox", { name: "Search" }).fill("Screens");
  await page.keyboard.press("Enter");
  await form.getByLabel("Start time").fill("14:00");
  await form.getByLabel("Minutes").fill("45");
  await form.getByLabel("Walker").selectOption({ label: "Alex Morgan" });
  await form.getByRole("button", { name: "Create booking" }).click();
  await expect(page).toHaveURL(/\/bookings\/\d+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Extra walk — E2E manual");
  const visit = page.getByRole("region", { name: "Visit" });
  await expect(visit).toContainText("Screens Renamed");
  await expect(visit).toContainText("Alex Morgan");
  await expect(visit).toContainText("14:00–14:45");

  const refused = await request.post("/api/staff/bookings", {
    headers: { origin: origin() },
    data: {
      title: "x",
      serviceCode: "WALK",
      clientStripeId: "cus_nobody",
      date: "2030-01-01",
      startTime: "09:00",
      durationMin: 30,
    },
  });
  expect(refused.status()).toBe(422);
  expect((await refused.json()).errors[0].path).toBe("clientStripeId");
});

test("search clients by name, email and phone", async ({ page }) => {
  await page.goto("/clients?q=Screens");
  await expect(page.getByRole("list", { name: "Clients" }).getByRole("link")).toHaveText(["Screens Renamed"]);
  await page.getByRole("searchbox", { name: "Search clients" }).fill("screens@example");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByRole("list", { name: "Clients" })).toContainText("Screens Renamed");
  await page.getByRole("searchbox", { name: "Search clients" }).fill("zz-nobody-zz");
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByText("No client matches “zz-nobody-zz”")).toBeVisible();
});

test("the schedule at 390 px: menu, a day of cards, selection and keyboard shortcuts", async ({
  page,
  request,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const next = (await bookings(request, "&status=scheduled"))[0]!;
  const day = local(next.startAt, "date");
  await page.goto(`/schedule?view=day&date=${day}`);
  await expect(page.getByRole("link", { name: "Bookings", exact: true })).toBeHidden();
  await page.getByRole("button", { name: "Menu" }).click();
  await expect(
    page.getByRole("menu", { name: "Menu" }).getByRole("menuitem", { name: "Schedule" }),
  ).toHaveAttribute("aria-current", "page");
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("time-zone")).toHaveText(`Times in ${ZONE}`);
  const card = page.getByTestId("booking-card").first();
  await expect(card).toBeVisible();
  await card.getByRole("checkbox").check();
  await expect(page.getByRole("region", { name: "Selection" })).toContainText("1 selected");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.keyboard.press("]"); // focus is on the checkbox: shortcuts still work
  await expect.poll(() => new URL(page.url()).searchParams.get("date")).not.toBe(day);
  await page.keyboard.press("w");
  await expect(page).toHaveURL(/view=week/);
});

test("every screen: no serious axe violation, screenshots at 1400 and 390 px", async ({ page, request }) => {
  test.setTimeout(180_000);
  const some = (await bookings(request))[0]!;
  const client = (await bookings(request)).find((b) => b.clientStripeId)!.clientStripeId!;
  const screens: [string, string][] = [
    ["today", "/"],
    ["schedule-week", "/schedule"],
    ["schedule-day", `/schedule?view=day&date=${local(some.startAt, "date")}`],
    ["bookings", "/bookings"],
    ["bookings-empty", "/bookings?q=zz-nobody-zz"],
    ["booking", `/bookings/${some.id}`],
    ["booking-new", "/bookings/new"],
    ["clients", "/clients"],
    ["client", `/clients/${client}`],
    ["staff", "/staff"],
    ["staff-member", "/staff/1"],
  ];
  for (const width of [1400, 390]) {
    await page.setViewportSize({ width, height: width > 800 ? 900 : 844 });
    for (const [name, path] of screens) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await noSeriousAxeViolations(page, `${name} at ${width}`);
      await page.screenshot({ path: `test-results/screens/${name}-${width}.png`, fullPage: true });
    }
  }
  // A dialog open, too.
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto(`/bookings/${some.id}`);
  if (await page.getByRole("button", { name: "Reschedule" }).isVisible()) {
    await page.getByRole("button", { name: "Reschedule" }).click();
    await noSeriousAxeViolations(page, "reschedule dialog");
    await page.screenshot({ path: "test-results/screens/dialog-reschedule-1400.png" });
  }
});
