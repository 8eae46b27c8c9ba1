// A server-rendered table that becomes stacked cards on a phone: each row a card, each cell
// labelled with its column's header (the header row is shown from 768 px up). For short lists
// read at a glance (accounts, sessions, tokens); large sortable lists use DataTable.
import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";

export interface StackedColumn {
  header: string;
  /** Header shown only to screen readers (an actions column). */
  hideHeader?: boolean;
  className?: string;
}

export function StackedTable({
  columns,
  rows,
  caption,
}: {
  columns: StackedColumn[];
  rows: { key: string | number; cells: ReactNode[] }[];
  caption?: string;
}) {
  return (
    <table className="w-full text-left text-sm">
      {caption ? <caption className="sr-only">{caption}</caption> : null}
      <thead className="hidden md:table-header-group">
        <tr>
          {columns.map((c) => (
            <th
              key={c.header}
              className="px-4 py-2 text-xs font-medium tracking-wide text-slate-600 uppercase"
            >
              {c.hideHeader ? <span className="sr-only">{c.header}</span> : c.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {rows.map((row) => (
          <tr
            key={row.key}
            className="flex flex-wrap items-center gap-x-4 gap-y-1 px-4 py-3 md:table-row md:p-0"
          >
            {row.cells.map((cell, i) => {
              const column = columns[i];
              return (
                <td
                  key={column?.header ?? i}
                  className={cn("min-w-0 break-words md:table-cell md:px-4 md:py-2", column?.className)}
                >
                  {column && !column.hideHeader ? (
                    <span className="mr-1.5 text-xs text-slate-600 md:hidden">{column.header}:</span>
                  ) : null}
                  {cell}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
