// Work done once when the server opens the database: the settings row, and demo data in
// demo mode (or its removal once a real Stripe key is set). Idempotent: safe at every start.
import type { Config } from "@/lib/config";
import { sqlite } from "@/lib/db/sqlite";
import { loadDemoData, wipeDemoData } from "@/lib/demo";
import { log } from "@/lib/log";
import { loadSettings } from "@/lib/settings";

export async function prepareDatabase(cfg: Config, now: Date): Promise<void> {
  const db = sqlite();
  const settings = loadSettings(db);
  if (cfg.demoMode) {
    loadDemoData(db, now);
  } else if (settings.demoData) {
    log.info("a Stripe key is set: removing the demo data before the first sync");
    wipeDemoData(db);
  }
}
