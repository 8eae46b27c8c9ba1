// Prisma CLI configuration (Prisma 7 keeps the connection URL here, not in schema.prisma).
// The app itself never reads this file: lib/db opens SQLite through lib/config.
import path from "node:path";
import { defineConfig } from "prisma/config";

const dataDir = process.env.DATA_DIR ?? path.join(process.cwd(), "data");

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? `file:${path.join(dataDir, "app.db")}` },
});
