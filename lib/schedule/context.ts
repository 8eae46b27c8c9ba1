// What every schedule screen needs first: the business time zone and today's local date.
import { sqlite } from "@/lib/db/sqlite";
import { loadSettings } from "@/lib/settings";
import { localDate } from "@/lib/schedule/time";

export function screenContext(now: Date = new Date()): { zone: string; today: string; businessName: string } {
  const settings = loadSettings(sqlite());
  return {
    zone: settings.timeZone,
    today: localDate(now, settings.timeZone),
    businessName: settings.businessName,
  };
}
