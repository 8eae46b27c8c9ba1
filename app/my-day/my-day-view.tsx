"use client";
// My day on the phone: Today / Tomorrow tabs (tap, arrow keys or swipe), the visits in time order
// with those needing attention first, and Start / Finish as one request each (PATCH /api/v1 with
// If-Match): shown at once, rolled back with a message if the server refuses, Undo in the toast.
// The page follows the changes stream, so the owner's edits appear within a second.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from "react";
import { useLiveChanges } from "@/components/live/use-live-changes";
import { EmptyState } from "@/components/ui/empty-state";
import { cn } from "@/components/ui/cn";
import { useToast } from "@/components/ui/toast";
import type { ClientFileView } from "@/lib/clients/file";
import type { MyDay, MyDayVisit } from "@/lib/schedule/my-day";
import { applyPatch, patchVisit, VisitActionError, type VisitPatch } from "@/lib/schedule/my-day-actions";
import { formatDay } from "@/lib/schedule/time";
import { VisitCard } from "@/app/my-day/visit-card";

type Tab = "today" | "tomorrow";
const KEY = ["my-day"];

const replaceVisit = (day: MyDay, visit: MyDayVisit): MyDay => {
  const swap = (list: MyDay["today"]) => ({
    ...list,
    visits: list.visits.map((v) => (v.id === visit.id ? visit : v)),
  });
  return { today: swap(day.today), tomorrow: swap(day.tomorrow) };
};
const findVisit = (day: MyDay | undefined, id: number) =>
  day ? [...day.today.visits, ...day.tomorrow.visits].find((v) => v.id === id) : undefined;

export function MyDayView({
  initial,
  files,
  zone,
  liveCursor,
}: {
  initial: MyDay;
  files: Record<string, ClientFileView>;
  zone: string;
  liveCursor: string | null;
}) {
  const router = useRouter();
  const toast = useToast();
  const queryClient = useQueryClient();
  const [tab, setTab] = useState<Tab>("today");
  const [errors, setErrors] = useState<Record<number, string>>({});
  const tabs = useRef<Record<Tab, HTMLButtonElement | null>>({ today: null, tomorrow: null });
  const touchX = useRef<number | null>(null);

  const { data } = useQuery({
    queryKey: KEY,
    queryFn: () => initial,
    initialData: initial,
    staleTime: Infinity,
  });
  // Each server render (after a change on the stream, or router.refresh) is the new truth.
  useEffect(() => {
    queryClient.setQueryData(KEY, initial);
  }, [initial, queryClient]);
  const live = useLiveChanges(
    liveCursor,
    useCallback(() => router.refresh(), [router]),
  );
  useEffect(() => {
    if (live) return;
    const timer = setInterval(() => router.refresh(), 15_000);
    return () => clearInterval(timer);
  }, [live, router]);

  const send = useMutation({
    mutationFn: ({
      visit,
      patch,
    }: {
      visit: MyDayVisit;
      patch: VisitPatch;
      undo?: VisitPatch;
      label: string;
    }) => patchVisit(visit, patch),
    onMutate: async ({ visit, patch }) => {
      await queryClient.cancelQueries({ queryKey: KEY });
      const before = queryClient.getQueryData<MyDay>(KEY);
      queryClient.setQueryData<MyDay>(KEY, (day) =>
        day ? replaceVisit(day, applyPatch(visit, patch)) : day,
      );
      setErrors(({ [visit.id]: _, ...rest }) => rest);
      return { before };
    },
    onError: (error, { visit }, context) => {
      if (context?.before) queryClient.setQueryData(KEY, context.before);
      const message = error instanceof VisitActionError ? error.message : "The visit could not be saved.";
      setErrors((all) => ({ ...all, [visit.id]: message }));
      toast({ title: message, tone: "error" });
      if (error instanceof VisitActionError && error.status === 412) router.refresh();
    },
    onSuccess: ({ visit }, { undo, label }) => {
      queryClient.setQueryData<MyDay>(KEY, (day) => (day ? replaceVisit(day, visit) : day));
      toast({
        title: label,
        action: undo
          ? {
              label: "Undo",
              onClick: () => {
                const current = findVisit(queryClient.getQueryData<MyDay>(KEY), visit.id) ?? visit;
                send.mutate({ visit: current, patch: undo, label: "Undone" });
              },
            }
          : undefined,
      });
    },
  });

  const start = (visit: MyDayVisit) =>
    send.mutate({
      visit,
      patch: { checkInAt: new Date().toISOString() },
      undo: { checkInAt: null },
      label: `Started: ${visit.clientName ?? visit.title}`,
    });
  const finish = (visit: MyDayVisit, note: string) =>
    send.mutate({
      visit,
      patch: {
        checkOutAt: new Date().toISOString(),
        status: "completed",
        ...(note.trim() ? { notes: note.trim() } : {}),
      },
      undo: { checkOutAt: null, status: "scheduled", ...(note.trim() ? { notes: visit.notes } : {}) },
      label: `Finished: ${visit.clientName ?? visit.title}`,
    });

  const choose = (next: Tab) => {
    setTab(next);
    tabs.current[next]?.focus();
  };
  const onTabKey = (e: KeyboardEvent) => {
    if (e.key === "ArrowRight" || e.key === "ArrowLeft") choose(tab === "today" ? "tomorrow" : "today");
  };
  const list = data[tab];
  const pendingId = send.isPending ? send.variables?.visit.id : undefined;

  return (
    <div
      // One column a thumb or an eye can follow, at every width.
      className="max-w-2xl space-y-4"
      onTouchStart={(e) => (touchX.current = e.touches[0]?.clientX ?? null)}
      onTouchEnd={(e) => {
        const from = touchX.current;
        const to = e.changedTouches[0]?.clientX;
        touchX.current = null;
        if (from === null || to === undefined || Math.abs(to - from) < 60) return;
        setTab(to < from ? "tomorrow" : "today");
      }}
    >
      <div role="tablist" aria-label="Day" className="grid grid-cols-2 gap-1 rounded-lg bg-slate-100 p-1">
        {(["today", "tomorrow"] as const).map((t) => (
          <button
            key={t}
            ref={(el) => {
              tabs.current[t] = el;
            }}
            type="button"
            role="tab"
            id={`tab-${t}`}
            aria-selected={tab === t}
            aria-controls="my-day-panel"
            tabIndex={tab === t ? 0 : -1}
            onKeyDown={onTabKey}
            onClick={() => setTab(t)}
            className={cn(
              "min-h-11 rounded-md py-1 text-sm font-medium text-slate-700",
              "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600",
              tab === t && "bg-white text-slate-900 shadow-xs",
            )}
          >
            <span className="block leading-tight">
              {t === "today" ? "Today" : "Tomorrow"} ({data[t].visits.length})
            </span>
            <span className="block text-xs leading-tight font-normal text-slate-600">
              {formatDay(data[t].date)}
            </span>
          </button>
        ))}
      </div>
      <section id="my-day-panel" role="tabpanel" aria-labelledby={`tab-${tab}`}>
        {list.visits.length === 0 ? (
          <EmptyState title={tab === "today" ? "No visits today" : "No visits tomorrow"}>
            New visits the owner gives you show up here by themselves.
          </EmptyState>
        ) : (
          <ul className="space-y-3" aria-label={`Visits ${tab}`}>
            {list.visits.map((visit) => (
              <VisitCard
                key={visit.id}
                visit={visit}
                file={visit.clientStripeId ? (files[visit.clientStripeId] ?? null) : null}
                zone={zone}
                busy={pendingId === visit.id}
                error={errors[visit.id] ?? null}
                onStart={() => start(visit)}
                onFinish={(note) => finish(visit, note)}
              />
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
