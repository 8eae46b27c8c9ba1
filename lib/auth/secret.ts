// Secrets kept in the data directory: generated once on first use (0600, created exclusively so
// two processes starting together agree), so a fresh machine works offline with no setup.
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Config } from "@/lib/config";

function errorCode(error: unknown): string | undefined {
  return error instanceof Error && "code" in error ? String(error.code) : undefined;
}

/** The secret stored in `file`, created (random, mode 0600) when it does not exist yet. */
export function readOrCreateSecret(file: string): string {
  try {
    return readFileSync(file, "utf8").trim();
  } catch (error) {
    if (errorCode(error) !== "ENOENT") throw error;
  }
  mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  try {
    writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: "wx" });
    return secret;
  } catch (error) {
    if (errorCode(error) === "EEXIST") return readFileSync(file, "utf8").trim();
    throw error;
  }
}

/** Signs session cookies: BETTER_AUTH_SECRET, or `auth-secret` in the data directory. */
export function authSecret(cfg: Pick<Config, "BETTER_AUTH_SECRET" | "dataDir">): string {
  return cfg.BETTER_AUTH_SECRET ?? readOrCreateSecret(path.join(cfg.dataDir, "auth-secret"));
}

/** Authorises the desktop launcher to ask for a one-time sign-in link (readable by this OS user only). */
export function desktopLinkSecretFile(dataDir: string): string {
  return path.join(dataDir, "desktop-link-secret");
}
