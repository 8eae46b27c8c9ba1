// Work done once when a process opens the database: settings row, default rules, demo data.
import type { Config } from "@/lib/config";
import { sqlite } from "@/lib/db/sqlite";
import { loadSettings } from "@/lib/settings";

/** Idempotent: safe at every start. */
export async function prepareDatabase(cfg: Config, now: Date): Promise<void> {
  const db = sqlite();
  loadSettings(db);
  void cfg;
  void now;
}
