// Applies the real migrations once to a template database; each test copies it (tests/support/db.ts).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { applyPendingMigrations } from "@/lib/db/migrations";

let dir: string | undefined;

export default async function setup(project: TestProject) {
  dir = mkdtempSync(path.join(tmpdir(), "bookings-template-"));
  const file = path.join(dir, "template.db");
  await applyPendingMigrations(file);
  project.provide("templateDb", file);
  return () => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    templateDb: string;
  }
}
