// Changing a setting that derivation reads (time zone, horizon, payment-failed policy) re-derives
// every booking: preview what it would do (nothing written), then apply settings and
// re-derivation in one transaction — refused when the schedule moved on since the preview.
import type { Sqlite } from "@/lib/db/sqlite";
import type { ReconcileSummary } from "@/lib/bookings/types";
import { rebuildAllBookings } from "@/lib/bookings/reconcile";
import { loadActiveRules } from "@/lib/rules/repo";
import { planAll, summarizeChanges, type ChangeSummary } from "@/lib/rules/change-summary";
import { loadSettings, settingsSchema, updateSettings, type Settings } from "@/lib/settings";
import { REDERIVING_SETTINGS, type GeneralSettings } from "@/lib/settings-form";

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
      const settings = updateSettings(db, patch);
      const summary = previewed.rederiving.length > 0 ? rebuildAllBookings(db, now) : null;
      return { ok: true, settings, summary };
    })
    .immediate();
}
