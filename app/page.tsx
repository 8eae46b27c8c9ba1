// The home screen: today's work at a glance, and whether the Stripe feed is healthy.
import { config } from "@/lib/config";
import { bookingsOfDay, overview } from "@/lib/dashboard";
import { sqlite } from "@/lib/db/sqlite";
import { loadSettings } from "@/lib/settings";
import { SyncNowButton } from "@/app/sync-now-button";
import { FirstRun } from "@/app/first-run";
import { isLocalRequest } from "@/lib/auth/first-run";
import { requirePage } from "@/lib/auth/page";
import { walkerScope } from "@/lib/auth/policy";
import { hasOwner } from "@/lib/auth/users";
import { prisma } from "@/lib/db/prisma";
import { headers } from "next/headers";
import { readConnectivity } from "@/lib/desktop/connectivity";
import Link from "next/link";
import { HomeReconciliationCounts } from "@/app/reconciliation/home-counts";
import { connectionAtAGlance } from "@/lib/stripe/monitor-status";
import { OfflineBanner, StripeConnectionLine, type LiveStatus } from "@/app/stripe-status-banner";
import { cliCommand } from "@/lib/desktop/commands";
import { redirect } from "next/navigation";
import { Stat } from "@/components/ui/card";
import { StatusPill } from "@/components/ui/pill";

export const dynamic = "force-dynamic";

export default async function HomePage() {
  // First run: no owner yet, so no one can sign in; offer to create it (on this computer only).
  if (!(await hasOwner(prisma()))) return <FirstRun local={isLocalRequest(await headers())} />;
  const user = await requirePage("staff");
  // A walker's home is My day (their own visits, Start/Finish); the owner's is Today.
  if (user.role !== "owner") redirect("/my-day");
  const db = sqlite();
  const now = new Date();
  const settings = loadSettings(db);
  const stats = overview(db, now);
  const today = bookingsOfDay(db, now, settings.timeZone, walkerScope(user));
  const time = new Intl.DateTimeFormat("en-GB", {
    timeZone: settings.timeZone,
    hour: "2-digit",
    minute: "2-digit",
  });
  const cfg = config();
  const { demoMode, dataDir } = cfg;
  const status: LiveStatus = {
    offlineSince: readConnectivity(dataDir).offlineSince,
    connection: connectionAtAGlance(cfg, now),
  };
  return (
    <section className="space-y-6">
      <div className="flex items-center justify-between">
        <div>
          <h1 className="text-2xl font-semibold">Today</h1>
          <p className="text-sm text-slate-500">
            {settings.businessName} · {settings.timeZone}
          </p>
        </div>
        {demoMode ? null : <SyncNowButton />}
      </div>
      {settings.demoData ? (
        <p
          role="status"
          className="rounded-md border border-amber-300 bg-amber-50 px-4 py-2 text-sm text-amber-900"
        >
          Demo data: no Stripe key is set, so this is a sample business. Add your key on{" "}
          <Link href="/settings/stripe" className="underline underline-offset-2">
            Settings → Stripe
          </Link>{" "}
          to use your own account, or run <code>{cliCommand("demo:wipe", cfg)}</code> to remove it.
        </p>
      ) : null}
      <OfflineBanner initial={status} timeZone={settings.timeZone} />
      <section aria-labelledby="money-and-schedule" className="space-y-3">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 id="money-and-schedule" className="font-medium">
            <Link href="/reconciliation" className="hover:underline">
              Payments and schedule
            </Link>
          </h2>
          <StripeConnectionLine initial={status} timeZone={settings.timeZone} />
        </div>
        <HomeReconciliationCounts />
      </section>
      <div className="grid grid-cols-2 gap-4 md:grid-cols-4">
        <Stat label="Clients" value={stats.clients} href="/clients" />
        <Stat label="Active subscriptions" value={stats.activeSubscriptions} href="/reports/subscriptions" />
        <Stat label="Upcoming bookings" value={stats.upcomingBookings} href="/bookings?tab=upcoming" />
        <Stat label="Webhooks waiting" value={stats.pendingWebhooks} href="/stripe?status=pending#webhooks" />
      </div>
      {stats.failedWebhooks > 0 ? (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 px-4 py-2 text-sm text-red-900">
          {stats.failedWebhooks} Stripe event(s) could not be applied.{" "}
          <Link href="/stripe?status=failed#webhooks" className="underline">
            The webhook log
          </Link>{" "}
          says why; once the cause is fixed, retry them there (or{" "}
          <code>{cliCommand("webhooks:retry", cfg)}</code>).
        </p>
      ) : null}
      {stats.quarantined > 0 ? (
        <div
          role="alert"
          aria-label="Quarantined Stripe objects"
          className="rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900"
        >
          <div className="font-medium">{stats.quarantined} Stripe object(s) could not be read</div>
          <p>
            They are kept in the quarantine, not mirrored, so their bookings may be missing.{" "}
            <code>{cliCommand("quarantine:list", cfg)}</code> shows why; after an upgrade,{" "}
            <code>{cliCommand("quarantine:retry", cfg)}</code> (or the next sync) reads them again.
          </p>
        </div>
      ) : null}
      <div className="rounded-lg border border-slate-200 bg-white">
        <h2 className="border-b border-slate-200 px-4 py-2 font-medium">
          Today&apos;s bookings ({today.length})
        </h2>
        {today.length === 0 ? (
          <p className="px-4 py-6 text-sm text-slate-500">Nothing booked today.</p>
        ) : (
          <ul className="divide-y divide-slate-100" aria-label="Today's bookings">
            {today.map((booking) => (
              <li key={booking.id}>
                {/* One link per visit; on a phone the time and status sit above the title. */}
                <Link
                  href={`/bookings/${booking.id}`}
                  className="grid grid-cols-[auto_1fr] items-center gap-x-3 gap-y-0.5 px-4 py-2.5 text-sm hover:bg-slate-50 sm:grid-cols-[7rem_1fr_auto_auto] sm:gap-x-4"
                >
                  <span className="font-mono whitespace-nowrap">
                    {time.format(booking.startAt)}–{time.format(booking.endAt)}
                  </span>
                  <span className="justify-self-end sm:order-last">
                    <StatusPill status={booking.status} />
                  </span>
                  <span className="col-span-2 font-medium break-words text-slate-900 sm:col-span-1">
                    {booking.title}
                  </span>
                  <span className="col-span-2 text-slate-600 sm:col-span-1">
                    {booking.staffName ?? "Unassigned"}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
