// The frame every report shares: header (time zone named once), one tab per report, the range
// form (a plain GET form: labelled native inputs, works by keyboard and before hydration), the
// CSV download of the table, then the report itself, or the form's errors.
import type { ReactNode } from "react";
import { buttonClass } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { LinkTabs } from "@/components/ui/tabs";
import { queryString, type ParsedQuery, type ReportName } from "@/lib/reports/query";

const TABS: { report: ReportName; label: string }[] = [
  { report: "visits", label: "Visits" },
  { report: "revenue", label: "Revenue" },
  { report: "subscriptions", label: "Subscriptions" },
];

const OPTION = {
  visits: {
    name: "by",
    label: "Group by",
    choices: [
      ["staff", "Walker"],
      ["service", "Service"],
    ],
  },
  subscriptions: {
    name: "period",
    label: "Period",
    choices: [
      ["month", "Month"],
      ["week", "Week"],
    ],
  },
} as const;

export function ReportFrame({
  report,
  description,
  zone,
  parsed,
  children,
}: {
  report: ReportName;
  description: string;
  zone: string;
  parsed: ParsedQuery;
  children: ReactNode;
}) {
  const values: Record<string, string | undefined> = parsed.ok
    ? { ...parsed.query, from: parsed.query.range.from, to: parsed.query.range.to }
    : parsed.range;
  const errorOf = (name: string) =>
    parsed.ok ? undefined : parsed.errors.find((e) => e.path === name)?.message;
  const option = report === "revenue" ? null : OPTION[report];
  const csvHref = parsed.ok ? `/api/owner/reports/${report}/csv?${queryString(parsed.query)}` : null;
  const dateField = (name: "from" | "to", label: string) => {
    const error = errorOf(name);
    return (
      <div className="space-y-1">
        <label htmlFor={`report-${name}`} className="block text-sm font-medium text-slate-800">
          {label}
        </label>
        <Input
          id={`report-${name}`}
          name={name}
          type="date"
          required
          defaultValue={values[name] ?? ""}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `report-${name}-error` : undefined}
        />
        {error ? (
          <p id={`report-${name}-error`} role="alert" className="text-xs text-rose-700">
            {error}
          </p>
        ) : null}
      </div>
    );
  };
  return (
    <>
      <PageHeader
        title="Reports"
        description={description}
        timeZone={zone}
        actions={
          csvHref ? (
            <a href={csvHref} download className={buttonClass("secondary")}>
              Download CSV
            </a>
          ) : null
        }
      />
      <LinkTabs
        label="Reports"
        tabs={TABS.map((t) => ({
          href: `/reports/${t.report}`,
          label: t.label,
          current: t.report === report,
        }))}
      />
      <form
        method="get"
        action={`/reports/${report}`}
        aria-label="Report range"
        className="mb-6 grid grid-cols-2 items-end gap-3 sm:flex sm:flex-wrap"
      >
        {dateField("from", "From")}
        {dateField("to", "To")}
        {option ? (
          <div className="space-y-1">
            <label htmlFor={`report-${option.name}`} className="block text-sm font-medium text-slate-800">
              {option.label}
            </label>
            <Select id={`report-${option.name}`} name={option.name} defaultValue={values[option.name]}>
              {option.choices.map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </Select>
          </div>
        ) : null}
        <button type="submit" className={buttonClass("primary")}>
          Show
        </button>
      </form>
      {parsed.ok ? (
        children
      ) : (
        <p
          role="status"
          className="rounded-lg border border-amber-200 bg-amber-50 p-4 text-sm text-amber-900"
        >
          Correct the range above to see the report.
        </p>
      )}
    </>
  );
}

/** The page's query parameters as plain strings (repeated ones: the first). */
export async function plainParams(
  searchParams: Promise<Record<string, string | string[] | undefined>>,
): Promise<Record<string, string | undefined>> {
  return Object.fromEntries(
    Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]),
  );
}
