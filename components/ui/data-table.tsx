"use client";
// The one table (TanStack Table): column definitions in, sortable headers, optional row
// selection, an empty state; below 1024 px each row becomes a stacked card (labels from headers),
// above it a table too wide for the screen scrolls inside its own (named, focusable) region.
// Pagination of large lists is the server's (links carry the page); this table sorts what it has.
import {
  flexRender,
  getCoreRowModel,
  getSortedRowModel,
  useReactTable,
  type ColumnDef,
  type RowSelectionState,
  type SortingState,
} from "@tanstack/react-table";
import { useState, type ReactNode } from "react";
import { cn } from "@/components/ui/cn";

export type { ColumnDef } from "@tanstack/react-table";

export function DataTable<T>({
  data,
  columns,
  empty,
  getRowId,
  selection,
  onSelectionChange,
  caption,
}: {
  data: T[];
  columns: ColumnDef<T, unknown>[];
  empty: ReactNode;
  getRowId?: (row: T) => string;
  /** Controlled row selection (adds a checkbox column). */
  selection?: RowSelectionState;
  onSelectionChange?: (next: RowSelectionState) => void;
  caption?: string;
}) {
  const [sorting, setSorting] = useState<SortingState>([]);
  const selectable = selection !== undefined && onSelectionChange !== undefined;
  // TanStack Table's instance is not memoizable; the React Compiler skips this component by design.
  // eslint-disable-next-line react-hooks/incompatible-library
  const table = useReactTable({
    data,
    columns,
    getRowId,
    state: { sorting, ...(selectable ? { rowSelection: selection } : {}) },
    enableRowSelection: selectable,
    onRowSelectionChange: (updater) => {
      if (!selectable) return;
      onSelectionChange(typeof updater === "function" ? updater(selection) : updater);
    },
    onSortingChange: setSorting,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
  });
  if (data.length === 0) return <>{empty}</>;
  return (
    <div
      role={caption ? "region" : undefined}
      aria-label={caption}
      // Focusable: a keyboard must be able to scroll a table wider than the screen.
      tabIndex={0}
      className="overflow-x-auto rounded-lg border border-slate-200 bg-white"
    >
      <table className="w-full text-left text-sm">
        {caption ? <caption className="sr-only">{caption}</caption> : null}
        <thead className="hidden bg-slate-50 text-xs text-slate-600 uppercase lg:table-header-group">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {selectable ? (
                <th className="w-8 px-3 py-2">
                  <input
                    type="checkbox"
                    aria-label="Select all rows"
                    checked={table.getIsAllRowsSelected()}
                    onChange={table.getToggleAllRowsSelectedHandler()}
                  />
                </th>
              ) : null}
              {group.headers.map((header) => {
                const sorted = header.column.getIsSorted();
                const canSort = header.column.getCanSort();
                return (
                  <th
                    key={header.id}
                    className="px-3 py-2 font-medium"
                    aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined}
                  >
                    {canSort ? (
                      <button
                        type="button"
                        className="uppercase hover:text-slate-900"
                        onClick={header.column.getToggleSortingHandler()}
                      >
                        {flexRender(header.column.columnDef.header, header.getContext())}
                        {sorted === "asc" ? " ↑" : sorted === "desc" ? " ↓" : ""}
                      </button>
                    ) : (
                      flexRender(header.column.columnDef.header, header.getContext())
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody className="divide-y divide-slate-100">
          {table.getRowModel().rows.map((row) => (
            <tr
              key={row.id}
              className={cn(
                "flex flex-wrap items-center gap-x-3 gap-y-0.5 px-3 py-2 lg:table-row lg:p-0",
                row.getIsSelected() && "bg-indigo-50",
              )}
            >
              {selectable ? (
                <td className="lg:table-cell lg:px-3 lg:py-2">
                  <input
                    type="checkbox"
                    aria-label={`Select row ${row.id}`}
                    checked={row.getIsSelected()}
                    onChange={row.getToggleSelectedHandler()}
                  />
                </td>
              ) : null}
              {row.getVisibleCells().map((cell) => {
                const header = cell.column.columnDef.header;
                return (
                  <td key={cell.id} className="lg:table-cell lg:px-3 lg:py-2">
                    {typeof header === "string" ? (
                      <span className="mr-2 text-xs text-slate-600 lg:hidden">{header}:</span>
                    ) : null}
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
