// Settings → General's start grace and phone country through the owner's routes, in-process on
// the demo business: bad values answer 422 naming the field and save nothing; good ones save,
// and a new phone country reads the clients' numbers again.
import { describe, expect, it } from "vitest";
import { PUT as saveSettings } from "@/app/api/owner/settings/route";
import { POST as settingsPreview } from "@/app/api/owner/settings/preview/route";
import { loadSettings } from "@/lib/settings";
import { signedInCookie, withAuth } from "@/tests/support/auth";
import { demoAppDatabase } from "@/tests/support/demo-app";

const demo = demoAppDatabase();

async function call(handler: typeof saveSettings, method: string, body: unknown) {
  const request = withAuth(
    new Request("http://localhost/api/owner/settings", {
      method,
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    }),
    { cookie: await signedInCookie("owner") },
  );
  return handler(request, { params: Promise.resolve({}) } as never);
}

const general = {
  businessName: "Happy Paws",
  timeZone: "Europe/London",
  horizonWeeks: 8,
  feedPastDays: 30,
  feedFutureDays: 180,
  paymentFailedPolicy: "keep",
};

type Problem = { errors: { path: string; message: string }[] };

describe("start grace and phone country settings", () => {
  it("refuses bad values with a message on the field, and saves nothing", async () => {
    const db = demo();
    const before = JSON.stringify(db.prepare("SELECT * FROM Setting").get());
    const cases: [Record<string, unknown>, string, string][] = [
      [{ startGraceMin: 2000 }, "settings.startGraceMin", "at most 1440 minutes (a day)"],
      [{ startGraceMin: -5 }, "settings.startGraceMin", "0 or more minutes"],
      [{ startGraceMin: "soon" }, "settings.startGraceMin", "a number of minutes"],
      [{ startGraceMin: 7.5 }, "settings.startGraceMin", "whole minutes"],
      [{ phoneCountry: "ZZ" }, "settings.phoneCountry", "a country from the list, or “From the time zone”"],
      [
        { phoneCountry: "United Kingdom" },
        "settings.phoneCountry",
        "a country from the list, or “From the time zone”",
      ],
      [
        { phoneCountry: "AQ" },
        "settings.phoneCountry",
        "phone numbers of this country cannot be read: pick another country",
      ],
    ];
    for (const [patch, path, message] of cases) {
      for (const [handler, method] of [
        [saveSettings, "PUT"],
        [settingsPreview, "POST"],
      ] as const) {
        const response = await call(handler, method, { settings: { ...general, ...patch } });
        expect(response.status, JSON.stringify(patch)).toBe(422);
        expect(((await response.json()) as Problem).errors[0]).toMatchObject({ path, message });
      }
    }
    expect(JSON.stringify(db.prepare("SELECT * FROM Setting").get())).toBe(before);
  });

  it("saves both; a phone country change re-reads the numbers, and blank means from the time zone", async () => {
    const db = demo();
    const phoneOf = () =>
      db.prepare("SELECT phone, phoneE164 FROM Client WHERE phone = '+44 7700 900457'").get() as {
        phoneE164: string;
      };
    expect(phoneOf().phoneE164).toBe("+447700900457");
    // A number of the business's own plan written nationally: read again per country.
    db.prepare(
      "UPDATE Client SET phone = '020 7946 0018', phoneE164 = '+442079460018' WHERE id = (SELECT max(id) FROM Client)",
    ).run();
    const saved = await call(saveSettings, "PUT", {
      settings: { ...general, startGraceMin: "45", phoneCountry: "IE" },
    });
    expect(saved.status).toBe(200);
    expect(loadSettings(db)).toMatchObject({ startGraceMin: 45, phoneCountry: "IE" });
    expect(phoneOf().phoneE164).toBe("+447700900457");
    const national = () =>
      (
        db.prepare("SELECT phoneE164 FROM Client WHERE id = (SELECT max(id) FROM Client)").get() as {
          phoneE164: string | null;
        }
      ).phoneE164;
    expect(national()).toBe("+3532079460018");
    const blank = await call(saveSettings, "PUT", { settings: { ...general, phoneCountry: "" } });
    expect(blank.status).toBe(200);
    expect(loadSettings(db)).toMatchObject({ startGraceMin: 45, phoneCountry: null });
    expect(national()).toBe("+442079460018");
  });
});
