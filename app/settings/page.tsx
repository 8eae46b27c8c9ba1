// /settings — owner only, the General tab: business name, time zone, booking horizon, feed
// window, payment-failed policy, start grace, phone country. A change that re-derives bookings
// is previewed before it applies.
import type { Metadata } from "next";
import { requirePage } from "@/lib/auth/page";
import { sqlite } from "@/lib/db/sqlite";
import { countryOfTimeZone, phoneCountryOptions } from "@/lib/phone";
import { loadSettings } from "@/lib/settings";
import { PageHeader } from "@/components/ui/page-header";
import { GeneralForm } from "@/app/settings/general-form";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Settings" };

export default async function GeneralSettingsPage() {
  await requirePage("owner");
  const s = loadSettings(sqlite());
  const zones = Intl.supportedValuesOf("timeZone");
  // Each zone's country, so the picker's "From the time zone (…)" follows the zone chosen above.
  const ofZone: Record<string, string> = {};
  for (const zone of [s.timeZone, ...zones]) {
    const country = countryOfTimeZone(zone);
    if (country) ofZone[zone] = country;
  }
  return (
    <>
      <PageHeader title="Settings" description="Your business, its time zone, and how far ahead it books" />
      <GeneralForm
        zones={zones.includes(s.timeZone) ? zones : [s.timeZone, ...zones]}
        countries={{ options: phoneCountryOptions(), ofZone }}
        initial={{
          businessName: s.businessName,
          timeZone: s.timeZone,
          horizonWeeks: String(s.horizonWeeks),
          feedPastDays: String(s.feedPastDays),
          feedFutureDays: String(s.feedFutureDays),
          paymentFailedPolicy: s.paymentFailedPolicy,
          startGraceMin: String(s.startGraceMin),
          phoneCountry: s.phoneCountry ?? "",
        }}
      />
    </>
  );
}
