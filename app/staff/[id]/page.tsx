// One walker: their week by day, their calendar feed link, their phones and (owner) their
// accounts with sessions and tokens, and their details.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { requirePage } from "@/lib/auth/page";
import { seesBooking } from "@/lib/auth/policy";
import { prisma } from "@/lib/db/prisma";
import { loadBoard } from "@/lib/schedule/board";
import { screenContext } from "@/lib/schedule/context";
import { getStaffMember } from "@/lib/schedule/staff-admin";
import { formatDay, formatTimeRange, localDate, shiftDate } from "@/lib/schedule/time";
import { buttonClass } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Pill, StatusPill } from "@/components/ui/pill";
import { FeedLink } from "@/components/schedule/feed-link";
import { StaffForm } from "@/components/schedule/staff-form";
import { DevicesSection } from "@/components/devices/devices-section";
import { AccountsSection } from "@/components/accounts/accounts-section";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Staff member" };

const idSchema = z.coerce.number().int().positive();

export default async function StaffMemberPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ date?: string }>;
}) {
  const user = await requirePage("staff");
  const id = idSchema.safeParse((await params).id);
  if (!id.success) notFound();
  const staff = await getStaffMember(prisma(), id.data);
  // A walker's page (their week) is theirs and the owner's only (lib/auth/policy.ts).
  if (!staff || !seesBooking(user, staff.id)) notFound();
  const { zone, today } = screenContext();
  const date = z.iso
    .date()
    .catch(today)
    .parse((await searchParams).date ?? today);
  const board = await loadBoard(
    prisma(),
    { date, view: "week", staff: [staff.id], service: [], status: [] },
    zone,
    today,
  );
  const owner = user.role === "owner";
  const walkers = owner
    ? await prisma().staff.findMany({
        where: { active: true },
        orderBy: { name: "asc" },
        select: { id: true, name: true },
      })
    : [];
  const mayFeed = owner || user.staffId === staff.id;
  return (
    <>
      <Link
        href="/staff"
        className="text-sm text-indigo-800 underline underline-offset-2 hover:text-indigo-950"
      >
        ← Staff
      </Link>
      <PageHeader
        title={
          <span className="flex items-center gap-2">
            <span aria-hidden className="h-4 w-4 rounded-full" style={{ background: staff.color }} />
            {staff.name} {!staff.active ? <Pill tone="grey">inactive</Pill> : null}
          </span>
        }
        description={staff.email ?? undefined}
        timeZone={zone}
        actions={
          <>
            <Link
              className={buttonClass("secondary", "sm")}
              href={`/staff/${staff.id}?date=${shiftDate(date, "week", -1)}`}
            >
              ← Previous week
            </Link>
            <Link
              className={buttonClass("secondary", "sm")}
              href={`/staff/${staff.id}?date=${shiftDate(date, "week", 1)}`}
            >
              Next week →
            </Link>
          </>
        }
      />
      <div className="grid items-start gap-6 lg:grid-cols-3">
        <Card aria-labelledby="week-heading" className="lg:col-span-2">
          <CardHeader id="week-heading" title={`Week of ${formatDay(board.days[0] ?? date)}`} />
          {board.bookings.length === 0 ? (
            <p className="px-4 py-6 text-sm text-slate-700">No visits this week.</p>
          ) : (
            <div className="divide-y divide-slate-100">
              {board.days.map((day) => {
                const visits = board.bookings.filter((b) => localDate(new Date(b.startAt), zone) === day);
                if (visits.length === 0) return null;
                return (
                  <section key={day} aria-label={formatDay(day)} className="px-4 py-2">
                    <h3 className="text-sm font-semibold">{formatDay(day)}</h3>
                    <ul className="mt-1 space-y-1">
                      {visits.map((b) => (
                        <li key={b.id} className="flex flex-wrap items-center gap-2 text-sm">
                          <Link
                            href={`/bookings/${b.id}`}
                            className="text-indigo-800 tabular-nums underline underline-offset-2 hover:text-indigo-950"
                          >
                            {formatTimeRange(new Date(b.startAt), new Date(b.endAt), zone)}
                          </Link>
                          <span>{b.clientName ?? "No client"}</span>
                          <span className="text-slate-700">{b.title}</span>
                          <StatusPill status={b.status} />
                          {b.conflict ? <Pill tone="rose">Conflict</Pill> : null}
                        </li>
                      ))}
                    </ul>
                  </section>
                );
              })}
            </div>
          )}
        </Card>
        <div className="space-y-6">
          {mayFeed ? (
            <Card aria-labelledby="feed-heading" className="space-y-2 p-4">
              <h2 id="feed-heading" className="font-medium">
                Calendar feed
              </h2>
              <FeedLink
                scope={{ scope: "staff", staffId: staff.id }}
                existing={staff.feeds}
                mayShowAgain={owner}
              />
            </Card>
          ) : null}
          {owner ? (
            <AccountsSection
              staff={staff}
              walkers={walkers}
              zone={zone}
              viewerUserId={user.userId}
              viewerSessionId={user.sessionId}
            />
          ) : (
            <Card aria-labelledby="accounts-heading" className="space-y-1 p-4 text-sm">
              <h2 id="accounts-heading" className="font-medium">
                Accounts
              </h2>
              {staff.users.length === 0 ? (
                <p className="text-slate-700">No account signs in as this walker.</p>
              ) : (
                staff.users.map((u) => (
                  <p key={u.email}>
                    {u.email} <Pill>{u.role}</Pill>
                  </p>
                ))
              )}
            </Card>
          )}
          {owner || user.staffId === staff.id ? (
            <DevicesSection
              viewer={user}
              zone={zone}
              staffId={staff.id}
              canPair={user.staffId === staff.id}
            />
          ) : null}
          {owner ? (
            <Card aria-labelledby="edit-heading" className="p-4">
              <h2 id="edit-heading" className="mb-3 font-medium">
                Details
              </h2>
              <StaffForm
                staff={{
                  id: staff.id,
                  name: staff.name,
                  email: staff.email,
                  color: staff.color,
                  active: staff.active,
                }}
              />
            </Card>
          ) : null}
        </div>
      </div>
    </>
  );
}
