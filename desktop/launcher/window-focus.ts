// Brings the Neutralino window to the front. The window runs its native API on a private
// loopback port for this alone (neutralino.config.json allows only `window.focus`) and, started
// with --export-auth-info, writes the port and tokens to a file in its system data folder and
// logs where ("Auth info was exported to …"). The launcher reads that file once the line
// appears and calls `window.focus` over Neutralino's WebSocket, as an app client.
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import WebSocket from "ws";
import { z } from "zod";

const authSchema = z.object({
  nlPort: z.coerce.number().int().positive(),
  nlToken: z.string().min(1),
  nlConnectToken: z.string().min(1),
});
type AuthInfo = z.infer<typeof authSchema>;

const EXPORTED = /Auth info was exported to (\S+\.json)/;

/** The auth file the window announced in its output, if it has yet. */
export function announcedAuthFile(windowOutput: string): string | undefined {
  return EXPORTED.exec(windowOutput)?.[1];
}

function readAuth(file: string): AuthInfo | undefined {
  try {
    const parsed = authSchema.safeParse(JSON.parse(readFileSync(file, "utf8")));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Calls one native method; resolves true when the window reports success. Never throws. */
function callNative(auth: AuthInfo, method: string, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const id = randomUUID();
    const socket = new WebSocket(
      `ws://127.0.0.1:${auth.nlPort}?connectToken=${encodeURIComponent(auth.nlConnectToken)}`,
    );
    const finish = (ok: boolean) => {
      clearTimeout(timer);
      socket.removeAllListeners();
      socket.on("error", () => undefined);
      socket.terminate();
      resolve(ok);
    };
    const timer = setTimeout(() => finish(false), timeoutMs);
    socket.on("error", () => finish(false));
    socket.on("close", () => finish(false));
    socket.on("open", () => socket.send(JSON.stringify({ id, method, accessToken: auth.nlToken, data: {} })));
    socket.on("message", (raw: WebSocket.RawData) => {
      try {
        const message = JSON.parse(raw.toString()) as { id?: string; data?: { success?: boolean } };
        if (message.id === id) finish(message.data?.success === true);
      } catch {
        // Not JSON: not our answer.
      }
    });
  });
}

export interface WindowFocus {
  /** Raises the window; waits up to `patienceMs` for a window that is still opening. */
  focus: (patienceMs?: number) => Promise<boolean>;
  /** Stops looking for the auth file. */
  stop: () => void;
}

/**
 * Focus for the window whose output `windowOutput()` returns. The auth file is read as soon as
 * the window announces it: a later window of the same app id (another data folder) would
 * overwrite the shared file.
 */
export function windowFocus(windowOutput: () => string): WindowFocus {
  let auth: AuthInfo | undefined;
  const look = () => {
    const file = announcedAuthFile(windowOutput());
    if (file !== undefined) auth = readAuth(file);
    if (auth !== undefined) clearInterval(watcher);
  };
  const watcher = setInterval(look, 100);
  watcher.unref();
  return {
    focus: async (patienceMs = 10_000) => {
      const deadline = performance.now() + patienceMs;
      while (auth === undefined) {
        look();
        if (auth !== undefined) break;
        if (performance.now() >= deadline) return false;
        await sleep(100);
      }
      return callNative(auth, "window.focus", Math.max(1_000, deadline - performance.now()));
    },
    stop: () => clearInterval(watcher),
  };
}
