// One history row in words: "Created", "Walker: Unassigned → #2", "Start: 09:00 → 10:00".
import type { BookingEvent } from "@/lib/bookings/history";
import { formatWhen } from "@/lib/schedule/time";
import { DateTime } from "luxon";

const LABELS: Record<string, string> = {
  startAt: "Start",
  endAt: "End",
  staffId: "Walker",
  status: "Status",
  statusReason: "Reason",
  notes: "Note",
  checkInAt: "Check-in",
  checkOutAt: "Check-out",
  title: "Title",
};

function show(value: unknown, zone: string): string {
  if (value === null || value === undefined || value === "") return "none";
  if (typeof value === "string" && /^\d{4}-\d\d-\d\dT/.test(value))
    return DateTime.fromISO(value, { zone }).setLocale("en-GB").toFormat("ccc d LLL, HH:mm");
  if (typeof value === "number" && value > 1e11)
    return formatWhen(new Date(value), new Date(value), zone).split("–")[0] ?? "";
  return String(value);
}

export function describeChange(
  event: BookingEvent,
  zone: string,
  staffNames: Map<number, string> = new Map(),
): string {
  const value = (field: string, v: unknown) =>
    field.toLowerCase().includes("staffid") && typeof v === "number"
      ? (staffNames.get(v) ?? `#${v}`)
      : show(v, zone);
  const parts = Object.entries(event.changes)
    .filter(([field]) => !field.startsWith("override") && field !== "sequence")
    .map(
      ([field, [before, after]]) =>
        `${LABELS[field] ?? field}: ${value(field, before)} → ${value(field, after)}`,
    );
  const head =
    event.kind === "created" ? "Created" : event.kind === "derived" ? "Updated from Stripe" : "Edited";
  return parts.length ? `${head} — ${parts.join("; ")}` : head;
}
