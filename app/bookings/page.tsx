// Upcoming bookings with their provenance, and staff double-bookings. Read-only.
import type { Metadata } from "next";
import Link from "next/link";
import { sqlite } from "@/lib/db/sqlite";
import { loadSettings } from "@/lib/settings";
import { findStaffConflicts } from "@/lib/bookings/conflicts";
import { listUpcomingBookings } from "@/lib/bookings/queries";
import { ExportForm } from "@/app/bookings/export-form";
import { listActiveStaff } from "@/lib/staff";
import { prisma } from "@/lib/db/prisma";
import { requirePage } from "@/lib/auth/page";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Bookings" };

const statusStyle: Record<string, string> = {
  scheduled: "bg-emerald-50 text-emerald-700",
  held: "bg-amber-50 text-amber-800",
  cancelled: "bg-slate-100 text-slate-500 line-through",
  completed: "bg-sky-50 text-sky-700",
  no_show: "bg-rose-50 text-rose-700",
};

export default async function BookingsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requirePage("staff");
  // Cancelled bookings are hidden unless asked for (?cancelled=show): they are history, not work.
  const showCancelled = (await searchParams).cancelled === "show";
  const db = sqlite();
  const settings = loadSettings(db);
  const now = new Date();
  const bookings = listUpcomingBookings(db, { from: now, limit: 500, includeCancelled: showCancelled });
  const conflicts = findStaffConflicts(db, {
    from: now,
    to: new Date(now.getTime() + settings.horizonWeeks * 7 * 86_400_000),
  });
  const dateTime = new Intl.DateTimeFormat("en-GB", {
    timeZone: settings.timeZone,
    weekday: "short",
    day: "numeric",
    month: "short",
    hour: "2-digit",
    minute: "2-digit",
  });
  const time = new Intl.DateTimeFormat("en-GB", {
    timeZone: settings.timeZone,
    hour: "2-digit",
    minute: "2-digit",
  });

  return (
    <div className="space-y-8">
      <header>
        <h1 className="text-2xl font-semibold">Bookings</h1>
        <p className="text-sm text-slate-600">
          Upcoming, in {settings.timeZone}. Derived from Stripe by the rules; edits by staff are kept.{" "}
          <Link
            href={showCancelled ? "/bookings" : "/bookings?cancelled=show"}
            className="text-indigo-700 hover:underline"
          >
            {showCancelled ? "Hide cancelled" : "Show cancelled"}
          </Link>
        </p>
      </header>

      <ExportForm timeZone={settings.timeZone} staff={await listActiveStaff(prisma())} />

      {conflicts.length > 0 && (
        <section className="rounded-lg border border-amber-300 bg-amber-50 p-4" aria-label="Staff conflicts">
          <h2 className="font-medium text-amber-900">{conflicts.length} staff conflict(s)</h2>
          <ul className="mt-2 space-y-1 text-sm text-amber-900">
            {conflicts.map((c) => (
              <li key={`${c.a.id}-${c.b.id}`}>
                <strong>{c.staffName}</strong>: {c.a.title} ({dateTime.format(c.a.startAt)}–
                {time.format(c.a.endAt)}) overlaps {c.b.title} ({dateTime.format(c.b.startAt)}–
                {time.format(c.b.endAt)})
              </li>
            ))}
          </ul>
        </section>
      )}

      {bookings.length === 0 ? (
        <p className="text-slate-600">
          No upcoming bookings. Check the rules page for line items no rule matches.
        </p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="min-w-full text-left text-sm">
            <thead className="bg-slate-50 text-xs uppercase text-slate-500">
              <tr>
                <th className="px-3 py-2">When</th>
                <th className="px-3 py-2">Client</th>
                <th className="px-3 py-2">Service</th>
                <th className="px-3 py-2">Staff</th>
                <th className="px-3 py-2">Status</th>
                <th className="px-3 py-2">Provenance</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {bookings.map((b) => (
                <tr key={b.id}>
                  <td className="whitespace-nowrap px-3 py-2">
                    {dateTime.format(b.startAt)}–{time.format(b.endAt)}
                    {b.overridden && <span className="ml-1 text-xs text-indigo-600">(edited)</span>}
                  </td>
                  <td className="px-3 py-2">{b.clientName ?? b.clientStripeId ?? "—"}</td>
                  <td className="px-3 py-2">
                    <Link href={`/bookings/${b.id}`} className="text-indigo-700 hover:underline">
                      {b.title}
                    </Link>
                    <div className="text-xs text-slate-500">{b.serviceCode}</div>
                  </td>
                  <td className="px-3 py-2">
                    {b.staffName ?? <span className="text-slate-400">unassigned</span>}
                  </td>
                  <td className="px-3 py-2">
                    <span className={`rounded px-2 py-0.5 text-xs ${statusStyle[b.status] ?? ""}`}>
                      {b.status}
                    </span>
                    {b.statusReason && <div className="text-xs text-slate-500">{b.statusReason}</div>}
                  </td>
                  <td className="px-3 py-2 font-mono text-xs text-slate-600">
                    {b.sourceKind === "manual" ? (
                      "manual"
                    ) : (
                      <>
                        <div>{b.ruleName ? `rule #${b.ruleId} ${b.ruleName}` : "rule removed"}</div>
                        <div>
                          {b.sourceId} / {b.sourceLineId}
                        </div>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
