// GET /api/health — version, database reachable, migrations applied.
import path from "node:path";
import { config } from "@/lib/config";
import { sqlite } from "@/lib/db/sqlite";
import { checkHealth, MIGRATIONS_DIR_NAME } from "@/lib/health";
import { route } from "@/lib/http/handler";
import pkg from "@/package.json";

export const dynamic = "force-dynamic";

export const GET = route("health", async () => {
  const cfg = config();
  const health = checkHealth({
    db: sqlite,
    migrationsDir: path.join(cfg.appRoot, MIGRATIONS_DIR_NAME),
    version: pkg.version,
    demoMode: cfg.demoMode,
  });
  return Response.json(health, {
    status: health.status === "ok" ? 200 : 503,
    headers: { "cache-control": "no-store" },
  });
});
