// One category's rows as CSV (RFC 4180: quoted where needed, CRLF), times in the business zone.
import { DateTime } from "luxon";
import type { ReconciliationRow } from "@/lib/reconciliation/types";

const header = [
  "client",
  "client_id",
  "what",
  "source_kind",
  "source_id",
  "line_id",
  "booking_id",
  "start",
  "reason",
  "detail",
  "booked",
  "paid",
  "fix",
];

function cell(value: string | number | null): string {
  if (value === null) return "";
  const text = String(value);
  // A leading =, +, - or @ would be run as a formula by spreadsheet apps.
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function reconciliationCsv(rows: ReconciliationRow[], timeZone: string, baseUrl = ""): string {
  const lines = rows.map((row) =>
    [
      row.clientName,
      row.clientStripeId,
      row.what,
      row.sourceKind,
      row.sourceId,
      row.lineId,
      row.bookingId,
      row.startAt === null
        ? null
        : DateTime.fromMillis(row.startAt, { zone: timeZone }).toFormat("yyyy-MM-dd HH:mm"),
      row.reason,
      row.detail,
      row.booked,
      row.paid,
      row.links[0] ? `${baseUrl}${row.links[0].href}` : null,
    ]
      .map(cell)
      .join(","),
  );
  return [header.join(","), ...lines].join("\r\n") + "\r\n";
}
