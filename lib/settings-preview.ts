// Changing a setting that derivation reads (time zone, horizon, payment-failed policy) re-derives
// every booking: preview what it would do (nothing written), then apply settings and
// re-derivation in one transaction — refused when the schedule moved on since the preview.
import type { Sqlite } from "@/lib/db/sqlite";
import type { ReconcileSummary } from "@/lib/bookings/types";
import { rebuildAllBookings } from "@/lib/bookings/reconcile";
import { loadActiveRules } from "@/lib/rules/repo";
import { planAll, summarizeChanges, type ChangeSummary } from "@/lib/rules/change-summary";
import { loadSettings, settingsSchema, updateSettings, type Settings } from "@/lib/settings";
import { generalSettingsSchema, REDERIVING_SETTINGS, type GeneralSettings } from "@/lib/settings-form";
import { recomputeClientPhones } from "@/lib/client-phones";
import { isSupportedCountry } from "libphonenumber-js/min";
import { phoneCountryOf } from "@/lib/phone";

/**
 * The form's schema as the routes parse it: also a country phone numbers can be read for (the
 * browser's list of regions, which the form checks, has a few that no numbering plan covers).
 */
export const serverGeneralSettingsSchema = generalSettingsSchema.refine(
  (s) => !s.phoneCountry || isSupportedCountry(s.phoneCountry),
  { path: ["phoneCountry"], message: "phone numbers of this country cannot be read: pick another country" },
);

export interface SettingsPreview {
  /** Settings whose change re-derives bookings. */
  rederiving: string[];
  /** What re-derivation would do; null when nothing that derivation reads changes. */
  preview: ChangeSummary | null;
}

function nextSettings(db: Sqlite, patch: GeneralSettings): { current: Settings; next: Settings } {
  const current = loadSettings(db);
  return { current, next: settingsSchema.parse({ ...current, ...patch }) };
}

/** Which re-deriving settings differ, and what re-deriving with the new settings would do; read-only. */
export function previewSettingsChange(db: Sqlite, patch: GeneralSettings, now: Date): SettingsPreview {
  const { current, next } = nextSettings(db, patch);
  const rederiving = REDERIVING_SETTINGS.filter((key) => current[key] !== next[key]);
  if (rederiving.length === 0) return { rederiving: [], preview: null };
  const changes = planAll(db, loadActiveRules(db), next, now);
  return { rederiving: [...rederiving], preview: summarizeChanges(db, changes, next.timeZone) };
}

export type ApplySettingsResult =
  | { ok: true; settings: Settings; summary: ReconcileSummary | null }
  | { ok: false; kind: "stale"; preview: SettingsPreview };

/**
 * Saves the settings and, when one that derivation reads changed, re-derives every booking, in
 * one IMMEDIATE transaction. With `expect` (the preview's fingerprint the owner saw), a
 * different outcome is refused with the new preview and nothing is written.
 */
export function applySettingsChange(
  db: Sqlite,
  patch: GeneralSettings,
  now: Date,
  expect?: string | null,
): ApplySettingsResult {
  return db
    .transaction((): ApplySettingsResult => {
      const previewed = previewSettingsChange(db, patch, now);
      if (expect !== undefined && (previewed.preview?.fingerprint ?? null) !== expect) {
        return { ok: false, kind: "stale", preview: previewed };
      }
      const before = phoneCountryOf(loadSettings(db));
      const settings = updateSettings(db, patch);
      const country = phoneCountryOf(settings);
      if (country !== before) recomputeClientPhones(db, country);
      const summary = previewed.rederiving.length > 0 ? rebuildAllBookings(db, now) : null;
      return { ok: true, settings, summary };
    })
    .immediate();
}
