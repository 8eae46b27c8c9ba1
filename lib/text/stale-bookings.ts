// Why a bulk edit made from older versions was refused, in words: each visit that changed since,
// with who changed what ("Walk with Rex, Tue 8 Dec 09:00: Sam Patel moved it from 09:00 to 12:00").
import type { Sqlite } from "@/lib/db/sqlite";
import type { StoredBooking } from "@/lib/bookings/stored";
import { bookingHistory } from "@/lib/bookings/history";
import { eventInWords, type ChangeWordsContext } from "@/lib/text/booking-changes";
import { formatWhen } from "@/lib/schedule/time";

/** One sentence per changed visit (at most 5 named), each with what changed since `versions`. */
export function staleInWords(
  db: Sqlite,
  stale: StoredBooking[],
  versions: Record<string, number>,
  ctx: ChangeWordsContext,
): string {
  const lines = stale.slice(0, 5).map((booking) => {
    const behind = booking.sequence - (versions[booking.id] ?? booking.sequence);
    const since = behind > 0 ? bookingHistory(db, booking.id).slice(-behind) : [];
    const what = since.map((event) => eventInWords(event, ctx).active).join("; ");
    const when = formatWhen(booking.startAt, booking.endAt, ctx.zone);
    return `${booking.title}, ${when}: ${what || "changed"}.`;
  });
  const more = stale.length > 5 ? ` And ${stale.length - 5} more.` : "";
  const head =
    stale.length === 1
      ? "Nothing was assigned: a visit changed since you chose it."
      : `Nothing was assigned: ${stale.length} visits changed since you chose them.`;
  return `${head} ${lines.join(" ")}${more} The schedule now shows them as they are.`;
}
