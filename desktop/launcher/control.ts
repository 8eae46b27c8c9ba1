// The running launcher's door for later launches: a tiny HTTP server on 127.0.0.1 at a free
// port, answering only callers that show its random token (written, 0600, in the instance
// record in the data folder, so only this OS user can read it). A second launch uses it to
// ask the first to bring its window to the front instead of opening another window.
import { randomBytes, timingSafeEqual } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface Control {
  port: number;
  token: string;
  close: () => Promise<void>;
}

/** Where a running launcher listens; what a later launch needs to reach it. */
export interface ControlAddress {
  port: number;
  token: string;
}

function authorized(request: http.IncomingMessage, token: string): boolean {
  const given = Buffer.from(request.headers.authorization ?? "");
  const expected = Buffer.from(`Bearer ${token}`);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * Serves `GET /ping` (204) and `POST /focus` (200 `{ "focused": boolean }`, the result of
 * `onFocus`) to callers with the token; 403 to anyone else, 404 for other paths.
 */
export async function serveControl(onFocus: () => Promise<boolean>): Promise<Control> {
  const token = randomBytes(24).toString("base64url");
  const server = http.createServer((request, response) => {
    if (!authorized(request, token)) return void response.writeHead(403).end();
    if (request.method === "GET" && request.url === "/ping") return void response.writeHead(204).end();
    if (request.method === "POST" && request.url === "/focus") {
      onFocus().then(
        (focused) =>
          response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ focused })),
        () => response.writeHead(200, { "content-type": "application/json" }).end('{"focused":false}'),
      );
      return;
    }
    response.writeHead(404).end();
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen({ host: "127.0.0.1", port: 0 }, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return { port, token, close };
}

async function call(
  address: ControlAddress,
  method: "GET" | "POST",
  pathname: string,
  timeoutMs: number,
): Promise<Response | undefined> {
  try {
    return await fetch(`http://127.0.0.1:${address.port}${pathname}`, {
      method,
      headers: { authorization: `Bearer ${address.token}` },
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch {
    return undefined;
  }
}

/** Whether the launcher at `address` answers (a record left by a dead launcher does not). */
export async function pingControl(address: ControlAddress, timeoutMs = 2_000): Promise<boolean> {
  return (await call(address, "GET", "/ping", timeoutMs))?.status === 204;
}

/**
 * Asks the running launcher to bring its window to the front: "focused", "not-focused" (it
 * answered but its window could not be raised) or "unreachable" (it is gone or stuck).
 */
export async function askToFocus(
  address: ControlAddress,
  timeoutMs = 10_000,
): Promise<"focused" | "not-focused" | "unreachable"> {
  const response = await call(address, "POST", "/focus", timeoutMs);
  if (response?.status !== 200) return "unreachable";
  try {
    const body = (await response.json()) as { focused?: unknown };
    return body.focused === true ? "focused" : "not-focused";
  } catch {
    return "not-focused";
  }
}
