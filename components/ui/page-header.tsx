// Every screen's title row: title, a line of context (the business time zone is named here
// once), and actions on the right. Stacks on a phone.
import type { ReactNode } from "react";

export function PageHeader({
  title,
  description,
  timeZone,
  actions,
}: {
  title: ReactNode;
  description?: ReactNode;
  /** Named once per screen: every time shown below is in this zone. */
  timeZone?: string;
  actions?: ReactNode;
}) {
  return (
    <header className="mb-6 flex flex-col gap-3 sm:flex-row sm:items-end sm:justify-between">
      <div>
        <h1 className="text-2xl font-semibold">{title}</h1>
        {description || timeZone ? (
          <p className="text-sm text-slate-600">
            {description}
            {description && timeZone ? " · " : null}
            {timeZone ? <span data-testid="time-zone">Times in {timeZone}</span> : null}
          </p>
        ) : null}
      </div>
      {actions ? <div className="flex flex-wrap items-center gap-2">{actions}</div> : null}
    </header>
  );
}
