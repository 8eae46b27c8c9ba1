// Idempotency-Key for POST/PATCH: the key's first response is stored in the SAME transaction as
// the write it answers, so a retry (after a timeout, from a phone coming back online) gets that
// response replayed and changes nothing, even after a crash. Concurrent retries serialise on
// SQLite's write lock: the second finds the first's stored response. Keys live 24 h. The body is
// compared in canonical JSON (the caller canonicalises), so key order and spacing do not matter.
// An answer holding a secret (a feed URL) is never stored: the write names what to replay instead.
import { createHash } from "node:crypto";
import { toDb, type Sqlite } from "@/lib/db/sqlite";
import { ApiError } from "@/lib/api/v1/problems";

export const IDEMPOTENCY_TTL_MS = 24 * 3600_000;
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

export interface StoredResponse {
  status: number;
  headers: Record<string, string>;
  body: string | null;
}

export const requestHash = (method: string, path: string, body: string): string =>
  createHash("sha256").update(`${method} ${path}\n${body}`).digest("base64url");

export function assertKeyShape(key: string): void {
  if (!KEY_PATTERN.test(key)) {
    throw new ApiError(400, "malformed-request", "Idempotency-Key must be 1–255 visible ASCII characters.", {
      errors: [{ path: "Idempotency-Key", message: "1–255 visible ASCII characters" }],
    });
  }
}

/**
 * Runs `write` once per (caller, key): inside one IMMEDIATE transaction, replays the stored
 * response of an earlier request with the same key and body, refuses (422) one with another
 * body, or runs `write` and stores its answer. `write` must be synchronous (it shares the transaction).
 */
export function once(
  db: Sqlite,
  input: { owner: string; key: string; method: string; path: string; body: string; now: Date },
  write: () => StoredResponse,
  /** After `write`: the response to store for replays when it differs from the one sent. */
  replayOf: () => StoredResponse | undefined = () => undefined,
): StoredResponse & { replayed: boolean } {
  const hash = requestHash(input.method, input.path, input.body);
  return db
    .transaction(() => {
      db.prepare("DELETE FROM IdempotencyKey WHERE expiresAt < ?").run(toDb(input.now));
      const row = db
        .prepare(
          "SELECT requestHash, status, headersJson, body FROM IdempotencyKey WHERE owner = ? AND key = ?",
        )
        .get(input.owner, input.key) as
        | { requestHash: string; status: number | null; headersJson: string | null; body: string | null }
        | undefined;
      if (row) {
        if (row.requestHash !== hash) {
          throw new ApiError(
            422,
            "idempotency-key-reused",
            "This Idempotency-Key was used with a different request; use a new key for a new request.",
            { errors: [{ path: "Idempotency-Key", message: "already used with another request" }] },
          );
        }
        return {
          status: row.status ?? 500,
          headers: JSON.parse(row.headersJson ?? "{}") as Record<string, string>,
          body: row.body,
          replayed: true,
        };
      }
      const response = write();
      const remembered = replayOf() ?? response;
      // A failure of ours is not an answer to remember: the retry should run again.
      if (response.status < 500) {
        db.prepare(
          `INSERT INTO IdempotencyKey (owner, key, method, path, requestHash, status, headersJson, body, createdAt, expiresAt)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        ).run(
          input.owner,
          input.key,
          input.method,
          input.path,
          hash,
          remembered.status,
          JSON.stringify(remembered.headers),
          remembered.body,
          toDb(input.now),
          input.now.getTime() + IDEMPOTENCY_TTL_MS,
        );
      }
      return { ...response, replayed: false };
    })
    .immediate();
}
