// The client's file on the client page (demo business): the owner uploads a pet photo and sees
// it, reveals the access notes in place, and the add-pet dialog passes axe while open.
// Screenshots of the client page at 1400 and 390 px.
import { noSeriousAxeViolations } from "./axe";
import { expect, test } from "./fixtures";

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
