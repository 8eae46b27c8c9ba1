// The .ics download of a date range, optionally for one staff member: a plain GET form, so it
// works without JavaScript and the browser handles the download.
import { DateTime } from "luxon";

export function ExportForm({ timeZone, staff }: { timeZone: string; staff: { id: number; name: string }[] }) {
  const today = DateTime.now().setZone(timeZone);
  return (
    <form
      action="/api/bookings/export"
      method="get"
      aria-label="Export bookings"
      className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4 text-sm"
    >
      <label className="flex flex-col gap-1">
        From
        <input
          type="date"
          name="from"
          required
          defaultValue={today.toISODate() ?? ""}
          className="rounded border px-2 py-1"
        />
      </label>
      <label className="flex flex-col gap-1">
        To
        <input
          type="date"
          name="to"
          required
          defaultValue={today.plus({ weeks: 4 }).toISODate() ?? ""}
          className="rounded border px-2 py-1"
        />
      </label>
      <label className="flex flex-col gap-1">
        Staff
        <select name="staffId" defaultValue="" className="rounded border px-2 py-1">
          <option value="">Everyone</option>
          {staff.map((person) => (
            <option key={person.id} value={person.id}>
              {person.name}
            </option>
          ))}
        </select>
      </label>
      <button
        type="submit"
        className="rounded-md bg-indigo-600 px-4 py-2 font-medium text-white hover:bg-indigo-700"
      >
        Download .ics
      </button>
    </form>
  );
}
