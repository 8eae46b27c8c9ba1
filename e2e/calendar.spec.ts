// Calendar feeds over real HTTP: created and revoked from the CLI, fetched as a calendar app does.
import { execFileSync } from "node:child_process";
import { expect, test } from "./fixtures";

function cli(...args: string[]): string {
  return execFileSync(
    process.execPath,
    ["--experimental-wasm-modules", "--no-warnings", "--import", "tsx", "cli/index.ts", ...args],
    {
      env: {
        ...process.env,
        DATA_DIR: process.env.E2E_DATA_DIR,
        PUBLIC_URL: `http://127.0.0.1:${process.env.E2E_PORT}`,
        LOG_LEVEL: "silent",
      },
      encoding: "utf8",
    },
  );
}

test("a business feed serves the demo bookings, answers 304 when unchanged, and 404 once revoked", async ({
  request,
}) => {
  const url = cli("feed:create", "--scope", "business").match(/http:\/\/\S+\.ics/)?.[0];
  expect(url).toBeDefined();
  const path = new URL(url ?? "").pathname;

  const first = await request.get(path);
  expect(first.status()).toBe(200);
  expect(first.headers()["content-type"]).toBe("text/calendar; charset=utf-8");
  const body = await first.text();
  expect(body).toContain("BEGIN:VCALENDAR");
  expect(body).toContain("BEGIN:VTIMEZONE");
  expect(body.match(/BEGIN:VEVENT/g)?.length ?? 0).toBeGreaterThan(10);

  const etag = first.headers()["etag"] ?? "";
  const again = await request.get(path, { headers: { "if-none-match": etag } });
  expect(again.status()).toBe(304);

  cli("feed:revoke", path.slice("/calendar/".length, -".ics".length));
  const revoked = await request.get(path);
  expect(revoked.status()).toBe(404);
  expect(await revoked.text()).not.toContain("VEVENT");
});

test("an unknown token is a 404 that reveals nothing", async ({ request }) => {
  const response = await request.get("/calendar/not-a-real-token-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.ics");
  expect(response.status()).toBe(404);
  expect(await response.text()).not.toMatch(/VCALENDAR|booking/i);
});

test("the bookings screen downloads an .ics of a date range", async ({ page }) => {
  await page.goto("/bookings");
  const form = page.getByRole("form", { name: "Export bookings" });
  await expect(form).toBeVisible();
  const downloading = page.waitForEvent("download");
  await form.getByRole("button", { name: "Download .ics" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.ics$/);
  const text = await (await download.createReadStream()).toArray();
  expect(Buffer.concat(text).toString("utf8")).toContain("BEGIN:VEVENT");
});
