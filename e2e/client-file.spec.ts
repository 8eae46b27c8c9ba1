// The client's file on the client page (demo business): the owner uploads a pet photo and sees
// it, reveals the access notes in place, and the add-pet dialog passes axe while open.
// Screenshots of the client page at 1400 and 390 px.
import { noSeriousAxeViolations } from "./axe";
import { ensureStaffAccount, expect, signInAs, STAFF, test } from "./fixtures";

// A real 2×2 PNG (so the browser decodes it and the <img> has a size).
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP8z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==",
  "base64",
);

test("the owner uploads a pet photo, reveals the access notes, and edits in an accessible dialog", async ({
  page,
  request,
}) => {
  test.setTimeout(180_000);
  const list = (await (await request.get("/api/v1/clients?limit=1")).json()) as { data: { id: string }[] };
  const clientId = list.data[0]!.id;
  const file = (await (await request.get(`/api/v1/clients/${clientId}/file`)).json()) as {
    pets: { name: string }[];
    access: { stored: boolean };
  };
  expect(file.access.stored).toBe(true);
  const pet = file.pets[0]!.name;

  await page.goto(`/clients/${clientId}`);
  const card = page.getByRole("region", { name: "Client's file" });
  await expect(card).toContainText("Open in maps");
  await expect(card.getByRole("link", { name: /Open in maps/ })).toHaveAttribute(
    "href",
    /^https:\/\/www\.google\.com\/maps\/search\/\?api=1&query=/,
  );

  // Photo: chosen with the file input (a phone offers its camera or gallery here).
  await card
    .getByLabel(`Add photo of ${pet}`)
    .setInputFiles({ name: "dog.png", mimeType: "image/png", buffer: PNG });
  const photo = card.getByRole("img", { name: `Photo of ${pet}` });
  await expect(photo).toBeVisible({ timeout: 15_000 });
  expect(await photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);

  // Access notes: hidden until tapped, then shown in place.
  await expect(card).not.toContainText("Lockbox code");
  await card.getByRole("button", { name: "Show access notes" }).click();
  await expect(card).toContainText("Lockbox code");
  await expect(card).toContainText("Key safe left of the front door");
  await expect(card.getByRole("definition").filter({ hasText: /^\d{4}$/ })).toHaveCount(1);
  await card.getByRole("button", { name: "Hide access notes" }).click();
  await expect(card).not.toContainText("Lockbox code");

  for (const width of [1400, 390]) {
    await page.setViewportSize({ width, height: width > 800 ? 900 : 844 });
    await noSeriousAxeViolations(page, `client page at ${width}`);
    if (width === 390) {
      const box = await card.boundingBox();
      expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    }
    await page.screenshot({ path: `test-results/screens/client-file-${width}.png`, fullPage: true });
  }

  // The add-pet dialog: axe with it open, then the zod schema's message on an empty name.
  await page.setViewportSize({ width: 390, height: 844 });
  await card.getByRole("button", { name: "Add pet" }).click();
  const dialog = page.getByRole("dialog", { name: "Add a pet" });
  await expect(dialog).toBeVisible();
  await noSeriousAxeViolations(page, "add-pet dialog");
  await page.screenshot({ path: "test-results/screens/client-file-dialog-390.png" });
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog.getByRole("alert")).toContainText("must not be empty");
  await dialog.getByLabel("Name").fill("Pepper");
  await dialog.getByLabel("Care notes").fill("Half a scoop at noon");
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog).toBeHidden();
  await expect(card).toContainText("Pepper");
  await expect(card).toContainText("Half a scoop at noon");

  // The booking page shows the same file (the visit's client).
  await page.getByRole("region", { name: "Upcoming visits" }).getByRole("link").first().click();
  const onBooking = page.getByRole("region", { name: "Client's file" });
  await expect(onBooking).toContainText("Pepper");
  await expect(onBooking.getByRole("button", { name: "Show access notes" })).toBeVisible();
  for (const width of [1400, 390]) {
    await page.setViewportSize({ width, height: width > 800 ? 900 : 844 });
    await noSeriousAxeViolations(page, `booking page at ${width}`);
    await page.screenshot({ path: `test-results/screens/client-file-booking-${width}.png`, fullPage: true });
  }
});

test("a walker with a visit tomorrow reveals the access notes on the booking page at 390 px; the owner's audit log shows it", async ({
  page,
  request,
  browser,
}) => {
  test.setTimeout(180_000);
  ensureStaffAccount();
  const from = new Date().toISOString();
  const to = new Date(Date.now() + 36 * 3600_000).toISOString();
  const upcoming = (await (
    await request.get(`/api/v1/bookings?from=${from}&to=${to}&status=scheduled&sort=startAt&limit=200`)
  ).json()) as { data: { id: number; clientId: string | null }[] };
  let target: { id: number; clientId: string } | undefined;
  for (const booking of upcoming.data) {
    if (!booking.clientId) continue;
    const file = (await (await request.get(`/api/v1/clients/${booking.clientId}/file`)).json()) as {
      access: { stored: boolean };
    };
    if (file.access.stored) {
      target = { id: booking.id, clientId: booking.clientId };
      break;
    }
  }
  expect(target, "a visit in the next day of a client with access notes").toBeDefined();
  const assigned = await request.post("/api/staff/bookings/assign", {
    data: { ids: [target!.id], staffId: 1 },
    headers: { origin: `http://127.0.0.1:${process.env.E2E_PORT}` },
  });
  expect(assigned.status()).toBe(200);

  const walkerContext = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const walker = await walkerContext.newPage();
  await signInAs(walker, STAFF);
  await walker.goto(`/bookings/${target!.id}`);
  const card = walker.getByRole("region", { name: "Client's file" });
  await expect(card.getByRole("link", { name: /Open in maps/ })).toBeVisible();
  await expect(card.getByRole("button", { name: "Edit address" })).toHaveCount(0);
  await card.getByRole("button", { name: "Show access notes" }).click();
  await expect(card).toContainText("Key location");
  await noSeriousAxeViolations(walker, "booking page as a walker at 390");
  await walker.screenshot({ path: "test-results/screens/client-file-walker-390.png", fullPage: true });
  await walkerContext.close();

  await page.goto("/settings/security");
  await expect(page.getByRole("cell", { name: "access-revealed" }).first()).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: "access-revealed" }).first()).toContainText(
    STAFF.email,
  );
});
