"use client";
// The schedule board: toolbar (dates, view, filters), then per day a row of columns, one per
// walker plus "Unassigned". Polls the board endpoint every 5 s while open. Keyboard: every
// card and checkbox is in the tab order; shortcuts [ and ] move, t today, d day, w week.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useMemo, useState } from "react";
import { useLiveChanges } from "@/components/live/use-live-changes";
import { AssignControl } from "@/components/schedule/assign-control";
import { Button, buttonClass } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { EmptyState } from "@/components/ui/empty-state";
import { Select } from "@/components/ui/field";
import { Pill, StatusPill, STATUS_LABEL } from "@/components/ui/pill";
import { apiJson } from "@/lib/schedule/api-client";
import { BOOKING_STATUSES, type Board, type BoardBooking, type BoardQuery } from "@/lib/schedule/board";
import { onlyMeCookie } from "@/lib/schedule/only-me";
import { formatDay, formatTimeRange, localDate, shiftDate } from "@/lib/schedule/time";

function toSearch(q: BoardQuery, patch: Partial<Record<keyof BoardQuery, string | null>> = {}): string {
  const base: Record<string, string | null> = {
    date: q.date ?? null,
    view: q.view,
    staff: q.staff.join(",") || null,
    service: q.service.join(",") || null,
    status: q.status.join(",") || null,
  };
  const merged = { ...base, ...patch };
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(merged)) if (v) params.set(k, v);
  return params.toString();
}

function Card({
  booking,
  zone,
  color,
  selected,
  onToggle,
}: {
  booking: BoardBooking;
  zone: string;
  color: string | null;
  selected: boolean;
  onToggle: () => void;
}) {
  const time = formatTimeRange(new Date(booking.startAt), new Date(booking.endAt), zone);
  const who =
    booking.clientName ?? (booking.sourceKind === "manual" ? "No client" : (booking.clientStripeId ?? "—"));
  return (
    <li
      data-testid="booking-card"
      data-booking-id={booking.id}
      className={cn(
        "rounded-md border bg-white p-2 text-sm shadow-xs",
        booking.conflict ? "border-rose-400 ring-2 ring-rose-300" : "border-slate-200",
        selected && "bg-indigo-50",
      )}
      style={{ borderLeftWidth: 4, borderLeftColor: color ?? "#64748b" }}
    >
      <div className="flex items-start gap-2">
        <input
          type="checkbox"
          className="mt-1"
          checked={selected}
          onChange={onToggle}
          aria-label={`Select ${who} ${time}`}
        />
        <div className="min-w-0 flex-1">
          <Link href={`/bookings/${booking.id}`} className="block font-medium text-slate-900 hover:underline">
            <span className="tabular-nums">{time}</span> {who}
          </Link>
          <div className="truncate text-xs text-slate-700">{booking.title}</div>
          <div className="mt-1 flex flex-wrap gap-1">
            <StatusPill status={booking.status} />
            {booking.conflict ? <Pill tone="rose">Conflict</Pill> : null}
            {booking.edited ? <Pill tone="indigo">edited</Pill> : null}
            {booking.sourceKind === "manual" ? <Pill>manual</Pill> : null}
          </div>
        </div>
      </div>
    </li>
  );
}

export function ScheduleBoard({
  initial,
  query,
  zone,
  today,
  myStaffId,
  liveCursor,
}: {
  initial: Board;
  query: BoardQuery;
  zone: string;
  today: string;
  myStaffId: number | null;
  liveCursor: string | null;
}) {
  const router = useRouter();
  const search = toSearch(query);
  const queryClient = useQueryClient();
  const live = useLiveChanges(
    liveCursor,
    useCallback(() => void queryClient.invalidateQueries({ queryKey: ["board"] }), [queryClient]),
  );
  const {
    data: board,
    isFetching,
    isError,
  } = useQuery({
    queryKey: ["board", search],
    queryFn: () => apiJson<Board>(`/api/staff/schedule?${search}`),
    initialData: initial,
    // The stream refreshes within a second; polling only while it is not open.
    refetchInterval: live ? false : 5000,
    refetchOnWindowFocus: true,
    staleTime: 0,
  });
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const date = query.date ?? today;
  const go = (patch: Partial<Record<keyof BoardQuery, string | null>>) =>
    router.push(`/schedule?${toSearch(query, patch)}`);

  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      const target = e.target as HTMLElement;
      // Shortcuts stay out of the way while typing (checkboxes and buttons do not count).
      const typing =
        target.isContentEditable ||
        ["SELECT", "TEXTAREA"].includes(target.tagName) ||
        (target.tagName === "INPUT" &&
          !["checkbox", "radio", "button"].includes((target as HTMLInputElement).type));
      if (e.metaKey || e.ctrlKey || e.altKey || typing || target.closest("[role=dialog]")) return;
      if (e.key === "[") go({ date: shiftDate(date, query.view, -1) });
      else if (e.key === "]") go({ date: shiftDate(date, query.view, 1) });
      else if (e.key === "t") go({ date: null });
      else if (e.key === "d") go({ view: "day" });
      else if (e.key === "w") go({ view: "week" });
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  });

  // Columns: "Unassigned" first, then walkers (only those the staff filter asks for).
  const columns = useMemo(() => {
    const all = [
      { id: null as number | null, name: "Unassigned", color: null as string | null },
      ...board.staff,
    ];
    if (query.staff.length === 0) return all;
    return all.filter((c) => query.staff.includes(c.id === null ? "none" : c.id));
  }, [board.staff, query.staff]);
  const byCell = useMemo(() => {
    const map = new Map<string, BoardBooking[]>();
    for (const b of board.bookings) {
      const key = `${localDate(new Date(b.startAt), zone)}|${b.staffId ?? "none"}`;
      map.set(key, [...(map.get(key) ?? []), b]);
    }
    return map;
  }, [board.bookings, zone]);
  const toggle = (id: number) =>
    setSelected((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const chosen = board.bookings
    .filter((b) => selected.has(b.id))
    .map((b) => ({ id: b.id, staffId: b.staffId, version: b.version }));
  const rangeLabel =
    board.days.length === 1
      ? formatDay(board.days[0] ?? date)
      : `${formatDay(board.days[0] ?? date)} – ${formatDay(board.days.at(-1) ?? date)}`;

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-2" role="toolbar" aria-label="Schedule controls">
        <Link
          className={buttonClass("secondary", "sm")}
          href={`/schedule?${toSearch(query, { date: shiftDate(date, query.view, -1) })}`}
          title="Previous ( [ )"
          aria-label="Previous"
        >
          ←
        </Link>
        <Link
          className={buttonClass("secondary", "sm")}
          href={`/schedule?${toSearch(query, { date: null })}`}
          title="Today (t)"
        >
          Today
        </Link>
        <Link
          className={buttonClass("secondary", "sm")}
          href={`/schedule?${toSearch(query, { date: shiftDate(date, query.view, 1) })}`}
          title="Next ( ] )"
          aria-label="Next"
        >
          →
        </Link>
        <h2 className="px-2 font-medium" aria-live="polite">
          {rangeLabel}
        </h2>
        <div
          className="inline-flex rounded-md border border-slate-300 bg-white p-0.5"
          role="group"
          aria-label="View"
        >
          {(["day", "week"] as const).map((v) => (
            <Link
              key={v}
              href={`/schedule?${toSearch(query, { view: v })}`}
              aria-current={query.view === v ? "page" : undefined}
              title={`${v === "day" ? "Day" : "Week"} view (${v[0]})`}
              className="rounded px-2.5 py-1 text-xs font-medium text-slate-700 aria-[current=page]:bg-indigo-700 aria-[current=page]:text-white"
            >
              {v === "day" ? "Day" : "Week"}
            </Link>
          ))}
        </div>
        <div className="flex flex-wrap gap-2 sm:ml-auto">
          <Select
            aria-label="Filter by walker"
            className="w-auto"
            value={query.staff.join(",")}
            onChange={(e) => {
              // Remembered for the next visit to the schedule (lib/schedule/only-me.ts).
              if (myStaffId !== null) document.cookie = onlyMeCookie(e.target.value === String(myStaffId));
              go({ staff: e.target.value || null });
            }}
          >
            <option value="">All walkers</option>
            {myStaffId !== null ? <option value={String(myStaffId)}>Only me</option> : null}
            <option value="none">Unassigned</option>
            {board.staff.map((s) => (
              <option key={s.id} value={String(s.id)}>
                {s.name}
              </option>
            ))}
          </Select>
          <Select
            aria-label="Filter by service"
            className="w-auto"
            value={query.service.join(",")}
            onChange={(e) => go({ service: e.target.value || null })}
          >
            <option value="">All services</option>
            {board.services.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </Select>
          <Select
            aria-label="Filter by status"
            className="w-auto"
            value={query.status.join(",")}
            onChange={(e) => go({ status: e.target.value || null })}
          >
            <option value="">All statuses</option>
            {BOOKING_STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABEL[s]}
              </option>
            ))}
          </Select>
        </div>
      </div>

      <div className="flex flex-wrap items-center gap-3 text-sm text-slate-700" aria-live="polite">
        <span>
          {board.bookings.length} visit{board.bookings.length === 1 ? "" : "s"}
        </span>
        {board.conflicts > 0 ? <Pill tone="rose">{board.conflicts} in conflict</Pill> : null}
        {isError ? (
          <span className="text-rose-800">Could not refresh; retrying.</span>
        ) : isFetching ? (
          <span>Refreshing…</span>
        ) : null}
      </div>

      {selected.size > 0 ? (
        <div
          className="sticky top-0 z-20 flex flex-wrap items-center gap-3 rounded-md border border-indigo-200 bg-indigo-50 p-2"
          role="region"
          aria-label="Selection"
        >
          <span className="text-sm font-medium">{selected.size} selected</span>
          <AssignControl staff={board.staff} bookings={chosen} onDone={() => setSelected(new Set())} />
          <Button size="sm" variant="ghost" onClick={() => setSelected(new Set())}>
            Clear
          </Button>
        </div>
      ) : null}

      {board.bookings.length === 0 ? (
        <EmptyState title="No visits in this range">
          Try another {query.view}, clear the filters, or add a manual booking from{" "}
          <Link className="text-indigo-800 underline" href="/bookings/new">
            New booking
          </Link>
          .
        </EmptyState>
      ) : (
        board.days.map((day) => {
          const count = columns.reduce(
            (n, c) => n + (byCell.get(`${day}|${c.id ?? "none"}`)?.length ?? 0),
            0,
          );
          if (query.view === "week" && count === 0) return null;
          return (
            <section key={day} aria-label={formatDay(day)} className="space-y-2">
              <h3 className="text-sm font-semibold text-slate-800">
                {formatDay(day)} {day === today ? <Pill tone="indigo">today</Pill> : null}
              </h3>
              <div
                className="overflow-x-auto pb-2"
                tabIndex={0}
                role="group"
                aria-label={`${formatDay(day)} by walker`}
              >
                <div className="flex flex-col gap-3 sm:flex-row">
                  {columns.map((col) => {
                    const items = byCell.get(`${day}|${col.id ?? "none"}`) ?? [];
                    return (
                      <div
                        key={col.id ?? "none"}
                        className={cn(
                          "w-full sm:w-64 sm:shrink-0 lg:w-auto lg:min-w-52 lg:flex-1",
                          // On a phone the lanes stack; empty walkers' lanes are left out there.
                          items.length === 0 && col.id !== null && "hidden sm:block",
                        )}
                        data-testid="staff-column"
                        data-staff={col.name}
                      >
                        <h4 className="mb-1 flex items-center gap-1.5 text-xs font-semibold text-slate-700 uppercase">
                          <span
                            aria-hidden
                            className="inline-block h-2.5 w-2.5 rounded-full"
                            style={{ background: col.color ?? "#64748b" }}
                          />
                          {col.name} <span className="font-normal">({items.length})</span>
                        </h4>
                        <ul className="space-y-1.5">
                          {items.map((b) => (
                            <Card
                              key={b.id}
                              booking={b}
                              zone={zone}
                              color={col.color}
                              selected={selected.has(b.id)}
                              onToggle={() => toggle(b.id)}
                            />
                          ))}
                        </ul>
                      </div>
                    );
                  })}
                </div>
              </div>
            </section>
          );
        })
      )}
    </div>
  );
}
