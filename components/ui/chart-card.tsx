"use client";
// A chart in a card: a title (the figure's accessible name) and a chart drawn in the browser
// only (Recharts measures its container; the server sends a placeholder of the same height).
// The chart is one image to assistive technology; the table that follows it is the accessible
// equivalent, and the caption says so.
import { useId, useSyncExternalStore, type ReactNode } from "react";
import { Card } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";

const subscribe = () => () => {};

/** False during the server render and hydration, true once mounted in the browser. */
export function useMounted(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}

export function ChartCard({
  title,
  description,
  height = 280,
  children,
}: {
  title: string;
  description?: string;
  height?: number;
  /** Rendered only in the browser. */
  children: () => ReactNode;
}) {
  const id = useId();
  const mounted = useMounted();
  return (
    <Card className="mb-4" aria-labelledby={`${id}-title`}>
      <figure className="p-4">
        <figcaption className="mb-3">
          <h2 id={`${id}-title`} className="font-medium">
            {title}
          </h2>
          <p className="text-sm text-slate-600">
            {description ? `${description} ` : ""}The table below lists the same figures.
          </p>
        </figcaption>
        <div role="img" aria-label={`Chart: ${title}`} style={{ height }} className="w-full">
          {mounted ? children() : <Skeleton className="h-full w-full" />}
        </div>
      </figure>
    </Card>
  );
}

/** Legend labels in body text colour (Recharts colours them like their series: too faint to read). */
export function legendText(value: string): ReactNode {
  return <span className="text-slate-700">{value}</span>;
}

/** Series colours (Tableau 10: told apart by most readers, colour-blind ones included). */
export const SERIES_COLORS = [
  "#4e79a7",
  "#f28e2b",
  "#e15759",
  "#76b7b2",
  "#59a14f",
  "#edc948",
  "#b07aa1",
  "#ff9da7",
  "#9c755f",
  "#bab0ac",
];
