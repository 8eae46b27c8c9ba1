// One category's rows as CSV (lib/csv.ts: RFC 4180, formula guard), times in the business zone.
import { DateTime } from "luxon";
import { toCsv } from "@/lib/csv";
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

export function reconciliationCsv(rows: ReconciliationRow[], timeZone: string, baseUrl = ""): string {
  const records = rows.map((row) => [
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
  ]);
  return toCsv(header, records);
}
