// What saving would do to the schedule: counts of bookings created, changed and cancelled, and
// the first few of each (times in the business zone). Shared by the rule editor and settings.
import { Stat } from "@/components/ui/card";
import type { ChangeSummary, SampleBooking } from "@/lib/rules/change-summary";

function Samples({ title, items, total }: { title: string; items: SampleBooking[]; total: number }) {
  if (total === 0) return null;
  return (
    <section aria-label={title} className="min-w-0">
      <h3 className="text-sm font-medium">
        {title}{" "}
        <span className="font-normal text-slate-600">
          (first {items.length} of {total})
        </span>
      </h3>
      <ul className="mt-1 space-y-1 text-sm">
        {items.map((b) => (
          <li key={b.bookingKey} className="rounded border border-slate-100 bg-slate-50 px-2 py-1">
            <span className="font-medium">{b.when}</span> · {b.title}
            {b.clientName && !b.title.includes(b.clientName) ? ` · ${b.clientName}` : null}
            {b.before && b.before !== b.when ? (
              <span className="block text-xs text-slate-700">was {b.before}</span>
            ) : null}
            {b.fields?.length ? (
              <span className="block text-xs text-slate-700">changes: {b.fields.join(", ")}</span>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** `compact`: one column, for a dialog. */
export function ChangePreview({ preview, compact = false }: { preview: ChangeSummary; compact?: boolean }) {
  const { counts, samples } = preview;
  const nothing = counts.created + counts.changed + counts.cancelled === 0;
  return (
    <div className="space-y-4" data-testid="change-preview">
      <p className="text-sm font-medium" data-testid="preview-counts">
        Saving creates {counts.created}, changes {counts.changed} and cancels {counts.cancelled} bookings.
      </p>
      <div className={compact ? "grid grid-cols-2 gap-2" : "grid grid-cols-2 gap-2 sm:grid-cols-4"}>
        <Stat label="Created" value={counts.created} />
        <Stat label="Changed" value={counts.changed} />
        <Stat label="Cancelled" value={counts.cancelled} />
        <Stat label="Unchanged" value={counts.unchanged} />
      </div>
      {nothing ? (
        <p className="text-sm text-slate-700">Saving changes no booking.</p>
      ) : (
        <div className={compact ? "grid gap-4" : "grid gap-4 md:grid-cols-3"}>
          <Samples title="Created" items={samples.created} total={counts.created} />
          <Samples title="Changed" items={samples.changed} total={counts.changed} />
          <Samples title="Cancelled" items={samples.cancelled} total={counts.cancelled} />
        </div>
      )}
    </div>
  );
}
