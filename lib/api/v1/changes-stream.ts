// GET /api/v1/changes/stream: the changes feed pushed as Server-Sent Events. The same pages as
// GET /api/v1/changes (lib/api/v1/changes.ts), each sent as one `changes` event whose id is the
// cursor after it, so a reconnecting EventSource resumes with Last-Event-ID. Woken by the
// in-process notifier (lib/api/v1/changes-notify.ts) or its slow poll; a comment line every 15 s
// keeps proxies and phones' networks from timing the connection out.
import type { Sqlite } from "@/lib/db/sqlite";
import { listChanges, type ChangesPage } from "@/lib/api/v1/changes";
import { onChanges } from "@/lib/api/v1/changes-notify";

export const HEARTBEAT_MS = 15_000;
/** How soon EventSource reconnects after the connection drops. */
export const RETRY_MS = 2_000;
const PAGE = 200;

export const STREAM_HEADERS = {
  "content-type": "text/event-stream; charset=utf-8",
  "cache-control": "no-cache, no-transform",
  connection: "keep-alive",
  // nginx (and proxies that follow it) would otherwise buffer the stream.
  "x-accel-buffering": "no",
};

/** One SSE event of a page; the cursor is a base64url string, safe as an event id. */
export function changesEvent(page: ChangesPage): string {
  return `id: ${page.pollCursor}\nevent: changes\ndata: ${JSON.stringify(page)}\n\n`;
}

export interface StreamInput {
  db: () => Sqlite;
  /** Validated already (the first page was read before the response started). */
  first: ChangesPage;
  staffScope: number | null;
  signal: AbortSignal;
  heartbeatMs?: number;
}

/**
 * The event stream: the first page, then every later page as soon as the log moves. Pages are
 * read on demand (`pull`): a phone far behind, or one that reads slowly, gets the next page when
 * it has taken the last one, instead of the server reading its whole backlog into memory at once.
 */
export function changesStream(input: StreamInput): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let cursor = input.first.pollCursor;
  let behind = input.first.hasMore;
  let closed = false;
  let woken = false;
  let wake: (() => void) | undefined;
  let stop = () => {};
  return new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (text: string) => {
        if (!closed) controller.enqueue(encoder.encode(text));
      };
      const unsubscribe = onChanges(() => {
        woken = true;
        wake?.();
      }, input.db);
      const heartbeat = setInterval(() => send(": ping\n\n"), input.heartbeatMs ?? HEARTBEAT_MS);
      stop = () => {
        if (closed) return;
        closed = true;
        clearInterval(heartbeat);
        unsubscribe();
        wake?.();
        try {
          controller.close();
        } catch {
          // already closed by the reader going away
        }
      };
      input.signal.addEventListener("abort", stop, { once: true });
      send(`retry: ${RETRY_MS}\n: connected\n\n`);
      // The first page always goes out, empty or not: the client learns where it stands.
      send(changesEvent(input.first));
    },
    // Called when the reader wants more: the next page with something in it, once there is one.
    async pull(controller) {
      while (!closed) {
        if (!behind && !woken) {
          await new Promise<void>((resolve) => (wake = resolve));
          wake = undefined;
          continue;
        }
        woken = false;
        const page = listChanges(input.db(), { cursor, limit: PAGE }, input.staffScope);
        cursor = page.pollCursor;
        behind = page.hasMore;
        if (page.data.length > 0) {
          controller.enqueue(encoder.encode(changesEvent(page)));
          return;
        }
      }
    },
    cancel() {
      stop();
    },
  });
}
