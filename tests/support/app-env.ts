// Points the app's config and database singletons at a test database.
import { resetConfigForTests } from "@/lib/config";
import { closeSqlite } from "@/lib/db/sqlite";

export const WEBHOOK_SECRET = "whsec_test_secret_for_vitest";

export function pointAppAtDatabase(file: string, extra: Record<string, string> = {}): void {
  closeSqlite();
  Object.assign(process.env, {
    DATABASE_URL: `file:${file}`,
    STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
    STRIPE_SECRET_KEY: "",
    ...extra,
  });
  resetConfigForTests();
}
