"use client";
// The home screen's reconciliation counts: fetched after the page has loaded, so Today's
// bookings never wait for the report; each count links to its category.
import { useQuery } from "@tanstack/react-query";
import { Stat } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { apiJson } from "@/lib/schedule/api-client";
import {
  categories,
  categorySlugs,
  categoryTitles,
  type ReconciliationCounts,
} from "@/lib/reconciliation/types";

export function HomeReconciliationCounts() {
  const counts = useQuery({
    queryKey: ["reconciliation-counts"],
    queryFn: () => apiJson<ReconciliationCounts>("/api/owner/reconciliation?view=counts"),
    refetchInterval: 60_000,
  });
  if (counts.isError)
    return (
      <p role="alert" className="text-sm text-rose-800">
        The reconciliation counts could not be loaded ({counts.error.message}).
      </p>
    );
  return (
    <div className="grid grid-cols-2 gap-3 lg:grid-cols-4" aria-busy={counts.isPending}>
      {categories.map((c) =>
        counts.data ? (
          <Stat
            key={c}
            label={categoryTitles[c]}
            value={counts.data[c]}
            href={`/reconciliation?category=${categorySlugs[c]}`}
          />
        ) : (
          <Skeleton key={c} className="h-[70px]" />
        ),
      )}
    </div>
  );
}
