// A labelled progress bar (role="progressbar"). `value` null is indeterminate: no aria-valuenow,
// a moving stripe, and the text says so.
import { cn } from "@/components/ui/cn";

export function ProgressBar({
  label,
  value,
  detail,
  className,
}: {
  label: string;
  /** 0–100, or null while the total is unknown. */
  value: number | null;
  /** Shown beside the label, e.g. "1,204 listed". */
  detail?: string;
  className?: string;
}) {
  const clamped = value === null ? null : Math.max(0, Math.min(100, Math.round(value)));
  return (
    <div className={cn("space-y-1", className)}>
      <div className="flex items-baseline justify-between gap-2 text-sm">
        <span className="font-medium">{label}</span>
        <span className="text-xs text-slate-600 tabular-nums">
          {detail}
          {detail ? " · " : null}
          {clamped === null ? "estimating…" : `${clamped}%`}
        </span>
      </div>
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={clamped ?? undefined}
        aria-valuetext={clamped === null ? `${detail ?? ""} estimating`.trim() : `${clamped}%`}
        className="h-2 overflow-hidden rounded-full bg-slate-200"
      >
        <div
          className={cn(
            "h-full rounded-full transition-[width] duration-500",
            clamped === 100 ? "bg-emerald-600" : "bg-indigo-600",
            clamped === null && "w-1/3 animate-pulse",
          )}
          style={clamped === null ? undefined : { width: `${clamped}%` }}
        />
      </div>
    </div>
  );
}
