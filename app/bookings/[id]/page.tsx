// One booking: when, who, status, what staff can do to it, where it came from (rule, Stripe
// object, line item) and every change it went through. Calendar events link here.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { z } from "zod";
import { sqlite } from "@/lib/db/sqlite";
import { prisma } from "@/lib/db/prisma";
import { requirePage } from "@/lib/auth/page";
import { seesBooking, walkerScope } from "@/lib/auth/policy";
import { bookingEtag } from "@/lib/bookings/edits";
import { headCursor } from "@/lib/api/v1/changes";
import { bookingProvenance } from "@/lib/bookings/queries";
import { bookingHistory } from "@/lib/bookings/history";
import { listActiveStaff } from "@/lib/staff";
import { screenContext } from "@/lib/schedule/context";
import { formatStamp, formatWhen, localDate, localTime } from "@/lib/schedule/time";
import { eventInWords, reasonInWords } from "@/lib/text/booking-changes";
import { Card, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Pill, StatusPill } from "@/components/ui/pill";
import { BookingActions } from "@/app/bookings/[id]/booking-actions";
import { clientFile } from "@/lib/clients/file";
import { ClientFileCard } from "@/components/client-file/client-file-card";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Booking" };

const idSchema = z.coerce.number().int().positive();

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid grid-cols-3 gap-4 px-4 py-2 text-sm">
      <dt className="text-slate-600">{label}</dt>
      <dd className="col-span-2 break-words">{children}</dd>
    </div>
  );
}

/** A check-in/out: its time on the visit's own day, with its date on another (an offline or late record). */
function stampOn(at: Date | null, visitStart: Date, zone: string): string {
  if (!at) return "—";
  return localDate(at, zone) === localDate(visitStart, zone) ? localTime(at, zone) : formatStamp(at, zone);
}

export default async function BookingPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePage("staff");
  const id = idSchema.safeParse((await params).id);
  if (!id.success) notFound();
  const db = sqlite();
  const found = bookingProvenance(db, id.data);
  // A walker sees only their own visits (lib/auth/policy.ts), as on every route.
  if (!found || !seesBooking(user, found.booking.staffId)) notFound();
  const { booking, rule, source, line } = found;
  const { zone } = screenContext();
  const [staff, client] = await Promise.all([
    listActiveStaff(prisma()),
    booking.clientStripeId
      ? prisma().client.findUnique({
          where: { stripeId: booking.clientStripeId },
          select: { name: true, email: true, phone: true },
        })
      : null,
  ]);
  const walker =
    booking.staffId === null
      ? null
      : await prisma().staff.findUnique({ where: { id: booking.staffId }, select: { name: true } });
  // The client's file by its own rules (lib/clients/visibility.ts): a walker sees it near their visits.
  const file = booking.clientStripeId
    ? await clientFile(prisma(), booking.clientStripeId, user, new Date())
    : null;
  const history = bookingHistory(db, booking.id);
  // Read after the booking: a change committed in between is streamed again, never missed.
  const liveCursor = headCursor(db, walkerScope(user));
  const [allStaff, accounts] = await Promise.all([
    prisma().staff.findMany({ select: { id: true, name: true } }),
    prisma().user.findMany({ select: { email: true, name: true, staff: { select: { name: true } } } }),
  ]);
  const words = {
    zone,
    staffNames: allStaff.map((s) => [s.id, s.name] as [number, string]),
    people: accounts.map((a) => [a.email, a.staff?.name ?? a.name] as [string, string]),
    viewer: user.email,
  };
  const wordsContext = { ...words, staffNames: new Map(words.staffNames), people: new Map(words.people) };
  const edited =
    booking.overrideStartAt ||
    booking.overrideEndAt ||
    booking.overrideStaffId !== null ||
    booking.overrideStatus;
  return (
    <>
      <Link
        href="/bookings"
        className="text-sm text-indigo-800 underline underline-offset-2 hover:text-indigo-950"
      >
        ← Bookings
      </Link>
      <PageHeader
        title={booking.title}
        description={formatWhen(booking.startAt, booking.endAt, zone)}
        timeZone={zone}
      />
      <div className="grid items-start gap-6 lg:grid-cols-3">
        <Card aria-labelledby="visit-heading" className="lg:col-span-2">
          <CardHeader id="visit-heading" title="Visit" actions={<StatusPill status={booking.status} />} />
          <dl className="divide-y divide-slate-100">
            <Row label="When">{formatWhen(booking.startAt, booking.endAt, zone)}</Row>
            <Row label="Client">
              {booking.clientStripeId ? (
                <Link
                  href={`/clients/${booking.clientStripeId}`}
                  className="text-indigo-800 underline underline-offset-2 hover:text-indigo-950"
                >
                  {client?.name ?? client?.email ?? booking.clientStripeId}
                </Link>
              ) : (
                "No client"
              )}
              {client?.phone ? <span className="ml-2 text-slate-700">{client.phone}</span> : null}
            </Row>
            <Row label="Walker">{walker?.name ?? <span className="italic">Unassigned</span>}</Row>
            <Row label="Status">
              <StatusPill status={booking.status} />
              {booking.statusReason ? (
                <span className="ml-2 text-slate-700">
                  {booking.statusReason === "cancelled_by_staff"
                    ? "by hand"
                    : reasonInWords(booking.statusReason)}
                </span>
              ) : null}
            </Row>
            <Row label="Service">{booking.serviceCode}</Row>
            <Row label="Check-in / out">
              {stampOn(booking.checkInAt, booking.startAt, zone)} /{" "}
              {stampOn(booking.checkOutAt, booking.startAt, zone)}
            </Row>
            <Row label="Note">{booking.notes ?? "—"}</Row>
            <Row label="Changed by hand">
              {edited ? <Pill tone="indigo">Kept when Stripe or the rules change</Pill> : "No"}
            </Row>
            <Row label="Calendar revision">{booking.sequence}</Row>
          </dl>
        </Card>
        {file ? (
          <div className="lg:col-span-2">
            <ClientFileCard file={file} />
          </div>
        ) : null}
        <Card aria-labelledby="actions-heading" className="p-4 lg:col-start-3 lg:row-span-3 lg:row-start-1">
          <h2 id="actions-heading" className="mb-3 font-medium">
            Actions
          </h2>
          <BookingActions
            staff={staff}
            words={words}
            liveCursor={liveCursor}
            booking={{
              id: booking.id,
              // The version every edit is made from (If-Match), as /api/v1 tags it.
              etag: bookingEtag(booking),
              status: booking.status,
              statusReason: booking.statusReason,
              staffId: booking.staffId,
              startAt: booking.startAt.toISOString(),
              endAt: booking.endAt.toISOString(),
              // "This and following" is the owner's (it moves visits other walkers may have).
              series:
                user.role === "owner" &&
                booking.sourceKind === "subscription" &&
                Boolean(booking.sourceLineId),
              notes: booking.notes,
              checkInAt: booking.checkInAt?.toISOString() ?? null,
              checkOutAt: booking.checkOutAt?.toISOString() ?? null,
            }}
          />
        </Card>
        <Card aria-labelledby="history-heading" className="lg:col-span-2">
          <CardHeader id="history-heading" title="History" />
          {history.length === 0 ? (
            <p className="px-4 py-3 text-sm text-slate-700">No changes recorded yet.</p>
          ) : (
            <ol className="divide-y divide-slate-100" aria-label="History">
              {history.map((event) => {
                const w = eventInWords(event, wordsContext);
                return (
                  <li key={event.id} className="px-4 py-2 text-sm">
                    <p className="font-medium">{w.summary}</p>
                    {w.details.map((line) => (
                      <p key={line}>{line}</p>
                    ))}
                    <p className="text-xs text-slate-700">
                      <time dateTime={event.at.toISOString()}>{formatStamp(event.at, zone)}</time>
                      {w.reason ? ` · “${w.reason}”` : ""}
                    </p>
                  </li>
                );
              })}
            </ol>
          )}
        </Card>

        <Card aria-labelledby="provenance-heading" className="lg:col-span-2">
          <CardHeader id="provenance-heading" title="Provenance" />
          <dl className="divide-y divide-slate-100">
            <Row label="Source">
              {booking.sourceKind}
              {booking.sourceId ? <code className="ml-2 break-all">{booking.sourceId}</code> : null}
              {source ? ` — ${source.status}` : booking.sourceId ? " — not mirrored" : null}
            </Row>
            <Row label="Line item">
              {line ? (
                <>
                  <code>{line.stripeId}</code> ·{" "}
                  {line.productName ?? line.productStripeId ?? "unknown product"} ·{" "}
                  <code>{line.priceStripeId}</code> × {line.quantity}
                </>
              ) : (
                (booking.sourceLineId ?? "—")
              )}
            </Row>
            <Row label="Rule">
              {rule ? `#${rule.id} ${rule.name}${rule.active ? "" : " (inactive)"}` : "—"}
            </Row>
            <Row label="Booking key">
              <code className="break-all">{booking.bookingKey}</code>
            </Row>
          </dl>
        </Card>
      </div>
    </>
  );
}
