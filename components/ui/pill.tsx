// Small status pills. Booking status colours are the same on every screen (docs/DESIGN brief):
// scheduled green, held amber, cancelled grey struck through, completed blue, no-show rose.
import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";

const tones = {
  neutral: "bg-slate-100 text-slate-700",
  green: "bg-emerald-50 text-emerald-800",
  amber: "bg-amber-50 text-amber-900",
  grey: "bg-slate-100 text-slate-600 line-through",
  blue: "bg-sky-50 text-sky-800",
  rose: "bg-rose-50 text-rose-800",
  indigo: "bg-indigo-50 text-indigo-800",
} as const;
export type PillTone = keyof typeof tones;

export function Pill({
  tone = "neutral",
  children,
  className,
}: {
  tone?: PillTone;
  children: ReactNode;
  className?: string;
}) {
  return (
    <span
      className={cn(
        "inline-flex items-center rounded px-1.5 py-0.5 text-xs font-medium",
        tones[tone],
        className,
      )}
    >
      {children}
    </span>
  );
}

export const STATUS_LABEL: Record<string, string> = {
  scheduled: "scheduled",
  held: "held",
  cancelled: "cancelled",
  completed: "completed",
  no_show: "no-show",
};
const STATUS_TONE: Record<string, PillTone> = {
  scheduled: "green",
  held: "amber",
  cancelled: "grey",
  completed: "blue",
  no_show: "rose",
};

export function StatusPill({ status }: { status: string }) {
  return <Pill tone={STATUS_TONE[status] ?? "neutral"}>{STATUS_LABEL[status] ?? status}</Pill>;
}
