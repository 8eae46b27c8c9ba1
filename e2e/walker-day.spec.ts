// Issue 23's whole day on a phone (390×844), end to end: the owner gives a new walker a login
// from the staff page; the walker sets a password from that link and lands on My day, which shows
// only their visits, in time order, with the client's dogs and address; they reveal the access
// notes (an audit row is written), Start and Finish with a note, and the owner's open schedule
// shows the visit completed within seconds.
import { noSeriousAxeViolations } from "./axe";
import { expect, test } from "./fixtures";

const MIN = 60_000;
const ORIGIN = () => ({ origin: `http://127.0.0.1:${process.env.E2E_PORT}` });
const WALKER = { name: "Jo Field", email: "jo.field@example.com", password: "muddy boots all winter" };

interface ClientFile {
  clientStripeId: string;
  pets: { name: string }[];
  mapUrl: string | null;
  access: { stored: boolean };
}

/** Minutes since local midnight in the business's zone (the e2e server runs on Europe/London). */
function localMinutes(): number {
  const [h, m] = new Intl.DateTimeFormat("en-GB", {
    timeZone: "Europe/London",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  })
    .format(new Date())
    .split(":")
    .map(Number);
  return h! * 60 + m!;
}

test("a new walker's day: login link → My day → reveal access → Start → Finish → the owner sees it", async ({
  page,
  request,
  browser,
}) => {
  const minutes = localMinutes();
  // The day needs a visit that began 10 minutes ago and one in 90 minutes, both today.
  test.skip(minutes < 15 || minutes > 24 * 60 - 150, "needs both visits on the same local day");
  test.setTimeout(240_000);

  // A client of the demo business with dogs, an address and access notes.
  const clients = (await (await request.get("/api/v1/clients?limit=100")).json()) as {
    data: { id: string }[];
  };
  let client: ClientFile | undefined;
  for (const { id } of clients.data) {
    const file = (await (await request.get(`/api/v1/clients/${id}/file`)).json()) as ClientFile;
    if (file.access.stored && file.pets.length > 0 && file.mapUrl) {
      client = file;
      break;
    }
  }
  expect(client, "a demo client with pets, an address and access notes").toBeDefined();

  // The owner adds the walker and their account on the staff page, and reads the link.
  const made = await request.post("/api/staff/staff", {
    data: { name: WALKER.name, color: "#16a34a" },
    headers: ORIGIN(),
  });
  expect(made.status(), await made.text()).toBe(201);
  const walkerId = ((await made.json()) as { id: number }).id;
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/staff");
  await page.getByRole("button", { name: "Add an account" }).click();
  const add = page.getByRole("dialog", { name: "Add an account" });
  await add.getByLabel("Email").fill(WALKER.email);
  await add.getByLabel("Signs in as walker").selectOption({ label: WALKER.name });
  await add.getByRole("button", { name: "Add and make a link" }).click();
  const shown = page.getByRole("dialog", { name: "Set-password link" });
  const link = await shown.getByRole("textbox", { name: "Link" }).inputValue();
  await shown.getByRole("button", { name: "Done" }).click();

  // Their visits today: one under way (needs attention: not started), one later; another walker's.
  const visit = async (title: string, offsetMin: number, staffId: number | null) => {
    const startAt = new Date(Date.now() + offsetMin * MIN);
    startAt.setUTCSeconds(0, 0);
    const response = await request.post("/api/v1/bookings", {
      data: {
        title,
        startAt,
        endAt: new Date(startAt.getTime() + 30 * MIN),
        clientId: client!.clientStripeId,
        staffId,
      },
      headers: ORIGIN(),
    });
    expect(response.status(), await response.text()).toBe(201);
    return ((await response.json()) as { id: number }).id;
  };
  const later = await visit("Jo: afternoon walk", 90, walkerId);
  const now = await visit("Jo: walk under way", -10, walkerId);
  const notMine = await visit("Someone else's walk", 20, null);

  // The walker's phone: sets a password from the link and lands on My day.
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const walker = await phone.newPage();
  await walker.goto(link);
  await walker.getByLabel("New password").fill(WALKER.password);
  await walker.getByLabel("The same password again").fill(WALKER.password);
  await walker.getByRole("button", { name: "Set password and sign in" }).click();
  await expect(walker).toHaveURL(/\/my-day$/, { timeout: 15_000 });

  const visits = walker.getByTestId("visit");
  await expect(visits).toHaveCount(2);
  const ids = await visits.evaluateAll((items) => items.map((i) => Number(i.getAttribute("data-visit-id"))));
  expect(ids).toEqual([now, later]);
  expect(ids).not.toContain(notMine);
  const card = visits.first();
  await expect(card).toContainText(client!.pets[0]!.name);
  await expect(card.getByRole("link", { name: /Open in maps/ })).toBeVisible();

  // Access notes are hidden until tapped; the reveal is audited.
  await expect(card).not.toContainText("Key location");
  await card.getByRole("button", { name: "Show access notes" }).click();
  await expect(card).toContainText("Key location");
  await noSeriousAxeViolations(walker, "my day with the access notes shown");
  await walker.screenshot({ path: "test-results/screens/walker-day-390.png", fullPage: true });
  await walker.setViewportSize({ width: 1400, height: 900 });
  await walker.screenshot({ path: "test-results/screens/walker-day-1400.png", fullPage: true });
  await walker.setViewportSize({ width: 390, height: 844 });

  // The owner keeps the day's schedule open meanwhile.
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto("/schedule?view=day");
  const ownerCard = page.locator(`[data-testid="booking-card"][data-booking-id="${now}"]`);
  await expect(ownerCard).toBeVisible();

  await card.getByRole("button", { name: /^Start/ }).click();
  await expect(card).toContainText(/Started \d\d:\d\d/);
  await card.getByLabel("Note for the owner (optional)").fill("Both dogs walked, gate locked");
  await card.getByRole("button", { name: /^Finish/ }).click();
  await expect(card).toContainText(/completed/i);
  await expect(ownerCard).toContainText(/completed/i, { timeout: 8_000 });

  const stored = (await (await request.get(`/api/v1/bookings/${now}`)).json()) as {
    status: string;
    notes: string;
    checkInAt: string;
    checkOutAt: string;
  };
  expect(stored).toMatchObject({ status: "completed", notes: "Both dogs walked, gate locked" });
  expect(Date.parse(stored.checkOutAt)).toBeGreaterThan(Date.parse(stored.checkInAt));

  await page.goto("/settings/security");
  await expect(
    page.getByRole("row").filter({ hasText: "access-revealed" }).filter({ hasText: WALKER.email }).first(),
  ).toBeVisible();
  await phone.close();
});
