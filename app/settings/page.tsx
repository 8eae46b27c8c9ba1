// /settings — owner only, the General tab: business name, time zone, booking horizon, feed
// window, payment-failed policy. A change that re-derives bookings is previewed before it applies.
import type { Metadata } from "next";
import { requirePage } from "@/lib/auth/page";
import { sqlite } from "@/lib/db/sqlite";
import { loadSettings } from "@/lib/settings";
import { PageHeader } from "@/components/ui/page-header";
import { GeneralForm } from "@/app/settings/general-form";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Settings" };

export default async function GeneralSettingsPage() {
  await requirePage("owner");
  const s = loadSettings(sqlite());
  const zones = Intl.supportedValuesOf("timeZone");
  return (
    <>
      <PageHeader title="Settings" description="Your business, its time zone, and how far ahead it books" />
      <GeneralForm
        zones={zones.includes(s.timeZone) ? zones : [s.timeZone, ...zones]}
        initial={{
          businessName: s.businessName,
          timeZone: s.timeZone,
          horizonWeeks: String(s.horizonWeeks),
          feedPastDays: String(s.feedPastDays),
          feedFutureDays: String(s.feedFutureDays),
          paymentFailedPolicy: s.paymentFailedPolicy,
        }}
      />
    </>
  );
}
