// My day on a phone (390×844), as a walker: only their own visits, in time order with those
// needing attention first; Start → Finish with a note, and the owner's open schedule shows the
// visit completed within seconds; completing a visit in the future is refused in words. Screenshots
// of My day (390, 1400) and of the owner's Today (390) go to test-results/screens/.
import type { Browser, Page } from "@playwright/test";
import { cli, expect, ensureStaffAccount, signInAs, STAFF, test } from "./fixtures";
import { noSeriousAxeViolations } from "./axe";

test.use({ viewport: { width: 390, height: 844 } });

const MIN = 60_000;
/** The demo walker the e2e staff account is linked to (fixtures.ts). */
const WALKER_ID = 1;

interface ApiBooking {
  id: number;
  startAt: string;
  status: string;
  staffId: number | null;
}

async function walkerPage(browser: Browser, width = 390): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 844 } });
  const page = await context.newPage();
  await signInAs(page, STAFF);
  return page;
}

async function noHorizontalScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

test("a walker's day: own visits in order, Start, Finish with a note, seen by the owner", async ({
  page,
  request,
  browser,
}) => {
  test.setTimeout(120_000);
  ensureStaffAccount();
  const create = async (title: string, startOffsetMin: number, staffId: number | null = WALKER_ID) => {
    const startAt = new Date(Date.now() + startOffsetMin * MIN);
    startAt.setUTCSeconds(0, 0);
    const response = await request.post("/api/v1/bookings", {
      data: { title, startAt, endAt: new Date(startAt.getTime() + 45 * MIN), staffId },
      headers: { origin: `http://127.0.0.1:${process.env.E2E_PORT}` },
    });
    expect(response.status(), await response.text()).toBe(201);
    return (await response.json()) as ApiBooking;
  };
  const due = await create("E2E my day: due now", -10);
  const later = await create("E2E my day: later", 60);
  const ahead = await create("E2E my day: next week", 7 * 24 * 60);
  const others = await create("E2E my day: someone else's", 30, null);

  const walker = await walkerPage(browser);
  await walker.goto("/");
  await expect(walker).toHaveURL(/\/my-day$/);
  await expect(walker.getByRole("heading", { name: "My day", exact: true })).toBeVisible();
  const visits = walker.getByTestId("visit");
  await expect(visits.first()).toBeVisible();

  // Exactly the walker's visits of today (the owner's view of the same day), none of another's.
  const dayStart = new Date();
  dayStart.setUTCHours(0, 0, 0, 0);
  const all = (await (
    await request.get(
      `/api/bookings?limit=1000&from=${encodeURIComponent(dayStart.toISOString())}&to=${encodeURIComponent(new Date(dayStart.getTime() + 24 * 60 * MIN).toISOString())}`,
    )
  ).json()) as { bookings: ApiBooking[] };
  const mine = all.bookings.filter((b) => b.staffId === WALKER_ID && b.status !== "cancelled");
  const shownIds = (
    await visits.evaluateAll((items) => items.map((i) => Number(i.getAttribute("data-visit-id"))))
  ).sort((a, b) => a - b);
  expect(shownIds).toEqual(mine.map((b) => b.id).sort((a, b) => a - b));
  expect(shownIds).toContain(due.id);
  expect(shownIds).toContain(later.id);
  expect(shownIds).not.toContain(others.id);
  expect(shownIds).not.toContain(ahead.id);
  // The late visit needs attention: first. The rest in time order.
  await expect(visits.first()).toHaveAttribute("data-visit-id", String(due.id));
  await expect(visits.first().getByRole("list", { name: "Needs attention" })).toContainText("Late");
  const calm = walker.locator('[data-testid="visit"]:not(:has([aria-label="Needs attention"]))');
  const starts = await calm.evaluateAll((items) => items.map((i) => i.getAttribute("data-visit-id")));
  const startOf = new Map(mine.map((b) => [String(b.id), Date.parse(b.startAt)]));
  const times = starts.map((id) => startOf.get(id!)!);
  expect(times).toEqual([...times].sort((a, b) => a - b));

  await noHorizontalScroll(walker);
  await noSeriousAxeViolations(walker, "my day (390)");
  await walker.screenshot({ path: "test-results/screens/my-day-390.png", fullPage: true });

  // Tomorrow is one tap away; back again with the keyboard.
  await walker.getByRole("tab", { name: /Tomorrow/ }).click();
  await expect(walker.getByRole("tab", { name: /Tomorrow/ })).toHaveAttribute("aria-selected", "true");
  await walker.keyboard.press("ArrowLeft");
  await expect(walker.getByRole("tab", { name: /Today/ })).toHaveAttribute("aria-selected", "true");

  // The owner keeps the schedule open meanwhile, in another browser.
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto(`/schedule?view=day`);
  const ownerCard = page.locator(`[data-testid="booking-card"][data-booking-id="${due.id}"]`);
  await expect(ownerCard).toBeVisible();

  const card = walker.locator(`[data-testid="visit"][data-visit-id="${due.id}"]`);
  const start = card.getByRole("button", { name: /^Start/ });
  const box = await start.boundingBox();
  expect(box!.height).toBeGreaterThanOrEqual(44);
  // A mistaken tap, undone from the toast; then started for real.
  await start.click();
  await expect(walker.getByText(/^Started: /)).toBeVisible();
  await walker.getByRole("button", { name: "Undo" }).click();
  await expect(walker.getByText("Undone", { exact: true })).toBeVisible();
  await expect(card).not.toContainText(/Started \d\d:\d\d/);
  await card.getByRole("button", { name: /^Start/ }).click();
  await expect(card).toContainText(/Started \d\d:\d\d/);
  await card.getByLabel("Note for the owner (optional)").fill("Rex ate well");
  await card.getByRole("button", { name: /^Finish/ }).click();
  await expect(walker.getByText(/^Finished: /)).toBeVisible();
  await expect(card).toContainText(/completed/i);

  await expect(ownerCard).toContainText(/completed/i, { timeout: 8_000 });
  const stored = (await (await request.get(`/api/v1/bookings/${due.id}`)).json()) as ApiBooking & {
    notes: string;
    checkInAt: string;
    checkOutAt: string;
  };
  expect(stored).toMatchObject({ status: "completed", notes: "Rex ate well" });
  expect(Date.parse(stored.checkOutAt)).toBeGreaterThan(Date.parse(stored.checkInAt));

  // The next visit (in an hour) cannot be started yet: the tap is rolled back with the reason.
  const next = walker.locator(`[data-testid="visit"][data-visit-id="${later.id}"]`);
  await next.getByRole("button", { name: /^Start/ }).click();
  await expect(next.getByRole("alert")).toContainText(
    /This visit cannot be started yet: it starts at \d\d:\d\d/,
  );
  await expect(next.getByRole("button", { name: /^Start/ })).toBeVisible();
  await expect(next).not.toContainText(/Started \d\d:\d\d/);

  // A visit next week cannot be completed yet: said in words, nothing changes.
  await walker.goto(`/bookings/${ahead.id}`);
  await walker.getByRole("button", { name: "Complete…" }).click();
  const dialog = walker.getByRole("dialog", { name: "Record the visit" });
  await noSeriousAxeViolations(walker, "record the visit dialog (390)");
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(
    dialog
      .getByText(/This visit cannot be marked completed yet: it starts at .+ and can be recorded from/)
      .first(),
  ).toBeVisible();
  await walker.screenshot({ path: "test-results/screens/record-visit-refused-390.png" });
  expect(((await (await request.get(`/api/v1/bookings/${ahead.id}`)).json()) as ApiBooking).status).toBe(
    "scheduled",
  );
  await walker.context().close();

  const wide = await walkerPage(browser, 1400);
  await wide.goto("/my-day");
  await expect(wide.getByTestId("visit").first()).toBeVisible();
  await noSeriousAxeViolations(wide, "my day (1400)");
  await wide.screenshot({ path: "test-results/screens/my-day-1400.png", fullPage: true });
  await wide.context().close();
});

test("the owner's Today at 390 px: readable rows that link to their visits, stat cards to their lists", async ({
  page,
}) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Today", exact: true })).toBeVisible();
  await noHorizontalScroll(page);
  const rows = page.getByRole("list", { name: "Today's bookings" }).getByRole("link");
  if ((await rows.count()) > 0) {
    const first = rows.first();
    await expect(first).toHaveAttribute("href", /^\/bookings\/\d+$/);
    // The title gets the row's width, not a 55 px column.
    const width = (await first.boundingBox())!.width;
    expect(width).toBeGreaterThan(300);
  }
  for (const [label, href] of [
    ["Clients", "/clients"],
    ["Active subscriptions", "/reports/subscriptions"],
    ["Upcoming bookings", "/bookings?tab=upcoming"],
    ["Webhooks waiting", "/stripe?status=pending#webhooks"],
  ] as const) {
    await expect(page.getByRole("link", { name: new RegExp(`^${label}`) })).toHaveAttribute("href", href);
  }
  await noSeriousAxeViolations(page, "today (390)");
  await page.screenshot({ path: "test-results/screens/today-390.png", fullPage: true });
});

test("a staff account not linked to a walker is told so on My day", async ({ browser }) => {
  test.setTimeout(90_000); // two CLI commands, each a Node start
  const loose = { email: "unlinked-walker@example.com", password: "e2e unlinked password" };
  if (!cli(["user:list"]).includes(loose.email)) {
    cli(["user:create", "--email", loose.email, "--role", "staff", "--password-stdin"], loose.password);
  }
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await signInAs(page, loose);
  await page.goto("/");
  await expect(page).toHaveURL(/\/my-day$/);
  await expect(page.getByText("Your account is not linked to a walker")).toBeVisible();
  await expect(page.getByText(/Ask the owner to link your account/)).toBeVisible();
  await expect(page.getByTestId("visit")).toHaveCount(0);
  await context.close();
});
