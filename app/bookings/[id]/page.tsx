// One booking and where it came from: rule, Stripe object, line item. Calendar events link here.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { sqlite } from "@/lib/db/sqlite";
import { requirePage } from "@/lib/auth/page";
import { bookingProvenance } from "@/lib/bookings/queries";
import { loadSettings } from "@/lib/settings";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Booking" };

const idSchema = z.coerce.number().int().positive();

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid grid-cols-3 gap-4 px-4 py-2 text-sm">
      <dt className="text-slate-500">{label}</dt>
      <dd className="col-span-2">{children}</dd>
    </div>
  );
}

export default async function BookingPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePage("staff");
  const id = idSchema.safeParse((await params).id);
  if (!id.success) notFound();
  const db = sqlite();
  const found = bookingProvenance(db, id.data);
  if (!found) notFound();
  const { booking, rule, source, line } = found;
  const settings = loadSettings(db);
  const when = new Intl.DateTimeFormat("en-GB", {
    timeZone: settings.timeZone,
    dateStyle: "full",
    timeStyle: "short",
  });
  const edited = booking.overrideStartAt || booking.overrideEndAt || booking.overrideStaffId !== null;
  return (
    <section className="space-y-6">
      <Link href="/bookings" className="text-sm text-indigo-700 hover:underline">
        ← Bookings
      </Link>
      <h1 className="text-2xl font-semibold">{booking.title}</h1>
      <dl className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
        <Row label="Starts">{when.format(booking.startAt)}</Row>
        <Row label="Ends">{when.format(booking.endAt)}</Row>
        <Row label="Status">
          {booking.status}
          {booking.statusReason ? ` (${booking.statusReason})` : ""}
        </Row>
        <Row label="Service">{booking.serviceCode}</Row>
        <Row label="Edited by staff">{edited ? "yes — kept when bookings are re-derived" : "no"}</Row>
        <Row label="Calendar revision">{booking.sequence}</Row>
      </dl>
      <h2 className="text-lg font-medium">Provenance</h2>
      <dl
        className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white"
        aria-label="Provenance"
      >
        <Row label="Source">
          {booking.sourceKind}
          {booking.sourceId ? <code className="ml-2">{booking.sourceId}</code> : null}
          {source ? ` — ${source.status}` : booking.sourceId ? " — not mirrored" : null}
        </Row>
        <Row label="Line item">
          {line ? (
            <>
              <code>{line.stripeId}</code> · {line.productName ?? line.productStripeId ?? "unknown product"} ·{" "}
              <code>{line.priceStripeId}</code> × {line.quantity}
            </>
          ) : (
            (booking.sourceLineId ?? "—")
          )}
        </Row>
        <Row label="Rule">{rule ? `#${rule.id} ${rule.name}${rule.active ? "" : " (inactive)"}` : "—"}</Row>
        <Row label="Booking key">
          <code className="break-all">{booking.bookingKey}</code>
        </Row>
      </dl>
    </section>
  );
}
