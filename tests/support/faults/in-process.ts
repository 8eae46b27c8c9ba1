// Points the app's config and sqlite() singletons of this test process at a database file,
// so route handlers can be called in-process.
import { resetConfigForTests } from "@/lib/config";
import { closeSqlite } from "@/lib/db/sqlite";

export const IN_PROCESS_SECRET = "whsec_fault_tests_in_process";

/** Route handlers of this process now read and write `file`, with webhooks signed by IN_PROCESS_SECRET. */
export function pointAppAt(file: string): void {
  closeSqlite();
  Object.assign(process.env, {
    DATABASE_URL: `file:${file}`,
    STRIPE_WEBHOOK_SECRET: IN_PROCESS_SECRET,
    STRIPE_SECRET_KEY: "",
  });
  resetConfigForTests();
}
