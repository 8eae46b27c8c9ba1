// No lost update, in two browsers (issue 24): the owner opens a visit at 09:00 and starts to
// reschedule it; a walker, in another browser, moves it to 12:00; the owner's open form says it
// changed (the page follows the changes stream) and saving 15:00 ends in the conflict dialog —
// who changed what, the current values beside the owner's. "Keep their change" leaves 12:00 and
// writes nothing; "Save mine anyway" saves 15:00 and the history shows both moves in words.
// axe with the dialog open; screenshots of the dialog and the history at 1400 and 390 px.
import { DateTime } from "luxon";
import type { APIRequestContext, Browser, Page } from "@playwright/test";
import { expect, ensureStaffAccount, signInAs, STAFF, test } from "./fixtures";
import { noSeriousAxeViolations } from "./axe";

const ZONE = "Europe/London";
/** The demo walker the e2e staff account is linked to (fixtures.ts). */
const WALKER_ID = 1;
const WALKER_NAME = "Alex Morgan";

interface ApiBooking {
  id: number;
  startAt: string;
  sequence: number;
}

const at = (days: number, time: string) =>
  DateTime.now()
    .setZone(ZONE)
    .plus({ days })
    .startOf("day")
    .set({
      hour: Number(time.slice(0, 2)),
      minute: Number(time.slice(3)),
    });

async function visitAtNine(request: APIRequestContext, title: string, days: number): Promise<number> {
  const start = at(days, "09:00");
  const made = await request.post("/api/v1/bookings", {
    data: { title, startAt: start.toISO(), endAt: start.plus({ hours: 1 }).toISO(), staffId: WALKER_ID },
    headers: { origin: `http://127.0.0.1:${process.env.E2E_PORT}` },
  });
  expect(made.status(), await made.text()).toBe(201);
  return ((await made.json()) as ApiBooking).id;
}

async function booking(request: APIRequestContext, id: number): Promise<ApiBooking> {
  const response = await request.get(`/api/v1/bookings/${id}`);
  expect(response.status()).toBe(200);
  return (await response.json()) as ApiBooking;
}

const localTime = (iso: string) => DateTime.fromISO(iso).setZone(ZONE).toFormat("HH:mm");

/** The walker, in their own browser, moves the visit on its page. */
async function walkerMoves(browser: Browser, id: number, time: string): Promise<void> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const walker = await context.newPage();
  await signInAs(walker, STAFF);
  await walker.goto(`/bookings/${id}`);
  await walker.getByRole("button", { name: "Reschedule" }).click();
  const form = walker.getByRole("dialog", { name: "Reschedule this visit" });
  await form.getByLabel("Start time").fill(time);
  await form.getByRole("button", { name: "Save" }).click();
  await expect(walker.getByText(`Moved from 09:00 to ${time}`, { exact: true }).first()).toBeVisible();
  await context.close();
}

/** The owner's stale save: the form opened at 09:00, the walker moved it, the owner saves 15:00. */
async function staleSave(page: Page, browser: Browser, id: number) {
  await page.goto(`/bookings/${id}`);
  await page.getByRole("button", { name: "Reschedule" }).click();
  const form = page.getByRole("dialog", { name: "Reschedule this visit" });
  await expect(form.getByLabel("Start time")).toHaveValue("09:00");
  await walkerMoves(browser, id, "12:00");
  // The open page hears of it: the form says so instead of silently keeping 09:00.
  await expect(form.getByRole("status")).toContainText("changed while the form was open", {
    timeout: 10_000,
  });
  await form.getByLabel("Start time").fill("15:00");
  await form.getByRole("button", { name: "Save" }).click();
  const conflict = page.getByRole("dialog", { name: "Someone else changed this visit" });
  await expect(conflict).toContainText(`${WALKER_NAME} moved it from 09:00 to 12:00, just now`);
  const when = conflict.getByRole("row", { name: /When/ });
  await expect(when.getByRole("cell").first()).toContainText("12:00–13:00");
  await expect(when.getByRole("cell").nth(1)).toContainText("15:00–16:00");
  return { form, conflict };
}

test.beforeAll(() => ensureStaffAccount());

test("a stale save shows the conflict; Keep their change leaves 12:00 and writes nothing", async ({
  page,
  browser,
  request,
}) => {
  const id = await visitAtNine(request, "Lost update: keep theirs", 2);
  const { form, conflict } = await staleSave(page, browser, id);
  await noSeriousAxeViolations(page, "conflict dialog");
  await page.screenshot({ path: "test-results/screens/conflict-dialog-1400.png" });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: "test-results/screens/conflict-dialog-390.png" });
  await noSeriousAxeViolations(page, "conflict dialog at 390 px");
  const before = await booking(request, id);

  await conflict.getByRole("button", { name: "Keep their change" }).click();
  await expect(conflict).toBeHidden();
  // The form now holds the current values, and nothing was written.
  await expect(form.getByLabel("Start time")).toHaveValue("12:00");
  await expect(form.getByRole("status")).toHaveCount(0);
  const after = await booking(request, id);
  expect(localTime(after.startAt)).toBe("12:00");
  expect(after.sequence).toBe(before.sequence);
  await form.getByRole("button", { name: "Close" }).click();
  await expect(page.getByRole("heading", { level: 1 }).locator("xpath=following-sibling::p")).toContainText(
    "12:00–13:00",
  );
});

test("Save mine anyway saves 15:00, and the history tells both moves", async ({ page, browser, request }) => {
  const id = await visitAtNine(request, "Lost update: save mine", 3);
  const { conflict } = await staleSave(page, browser, id);
  await conflict.getByRole("button", { name: "Save mine anyway" }).click();
  await expect(conflict).toBeHidden();
  await expect(page.getByText("Moved from 12:00 to 15:00", { exact: true }).first()).toBeVisible();
  expect(localTime((await booking(request, id)).startAt)).toBe("15:00");

  const history = page.getByRole("list", { name: "History" });
  await expect(history).toContainText(`Moved from 09:00 to 12:00 by ${WALKER_NAME}`);
  await expect(history).toContainText("Moved from 12:00 to 15:00 by you");
  await expect(history).not.toContainText(/[a-z][A-Z]|_[a-z]|rederive/);
  await history.scrollIntoViewIfNeeded();
  await page.screenshot({ path: "test-results/screens/booking-history-1400.png", fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: "test-results/screens/booking-history-390.png", fullPage: true });
  await noSeriousAxeViolations(page, "booking page with history");
});
