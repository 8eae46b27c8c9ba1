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

/** The event stream: the first page, then every later page as soon as the log moves. */
export function changesStream(input: StreamInput): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let cursor = input.first.pollCursor;
  let stop = () => {};
  return new ReadableStream<Uint8Array>({
    start(controller) {
      let closed = false;
      let running = false;
      let again = false;
      const send = (text: string) => {
        if (!closed) controller.enqueue(encoder.encode(text));
      };
      const emit = (page: ChangesPage) => {
        cursor = page.pollCursor;
        if (page.data.length > 0) send(changesEvent(page));
      };
      // Pages until caught up; a wake-up during a run makes it go round once more.
      const drain = () => {
        if (closed) return;
        if (running) {
          again = true;
          return;
        }
        running = true;
        try {
          let page: ChangesPage;
          do {
            again = false;
            page = listChanges(input.db(), { cursor, limit: PAGE }, input.staffScope);
            emit(page);
          } while ((page.hasMore || again) && !closed);
        } catch (error) {
          closed = true;
          controller.error(error);
        } finally {
          running = false;
        }
      };
      const unsubscribe = onChanges(() => setImmediate(drain), input.db);
      const heartbeat = setInterval(() => send(": ping\n\n"), input.heartbeatMs ?? HEARTBEAT_MS);
      stop = () => {
        if (closed) return;
        closed = true;
        clearInterval(heartbeat);
        unsubscribe();
        try {
          controller.close();
        } catch {
          // already closed by the reader going away
        }
      };
      input.signal.addEventListener("abort", stop, { once: true });
      send(`retry: ${RETRY_MS}\n: connected\n\n`);
      // The first page always goes out, empty or not: the client learns where it stands.
      cursor = input.first.pollCursor;
      send(changesEvent(input.first));
      if (input.first.hasMore) setImmediate(drain);
    },
    cancel() {
      stop();
    },
  });
}
