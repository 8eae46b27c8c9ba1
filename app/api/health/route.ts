// GET /api/health — status for anyone; version, database and migrations for signed-in users
// (public, so it must not tell an anonymous caller more than "ok").
import path from "node:path";
import { config } from "@/lib/config";
import { sqlite } from "@/lib/db/sqlite";
import { checkHealth, MIGRATIONS_DIR_NAME } from "@/lib/health";
import { route } from "@/lib/http/handler";
import pkg from "@/package.json";

export const dynamic = "force-dynamic";

export const GET = route("health", "public", async (_request, _context, principal) => {
  const cfg = config();
  const health = checkHealth({
    db: sqlite,
    migrationsDir: path.join(cfg.appRoot, MIGRATIONS_DIR_NAME),
    version: pkg.version,
    demoMode: cfg.demoMode,
  });
  return Response.json(principal ? health : { status: health.status }, {
    status: health.status === "ok" ? 200 : 503,
    headers: { "cache-control": "no-store" },
  });
});
