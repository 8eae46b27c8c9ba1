// One log line per page the server sends (API routes log their own line through route()):
// method, path (never the query, which may carry a one-time sign-in token), status, duration
// and user agent. It tells, for example, that the desktop window (a WebKit user agent) was
// sent the Today screen (GET / 200).
import http from "node:http";
import { log } from "@/lib/log";

type Listener = (request: http.IncomingMessage, response: http.ServerResponse) => void;

export interface PageLine {
  req: { method: string; path: string };
  status: number;
  ms: number;
  agent?: string;
}

/** The line for one request, or undefined for requests logged elsewhere or not worth a line. */
export function pageLine(input: {
  method: string | undefined;
  url: string | undefined;
  status: number;
  ms: number;
  agent: string | undefined;
}): PageLine | undefined {
  let pathname: string;
  try {
    pathname = new URL(input.url ?? "/", "http://localhost").pathname;
  } catch {
    return undefined;
  }
  // Assets, API routes (route() logs them) and files such as /favicon.ico.
  if (/^\/(_next|api)(\/|$)/.test(pathname) || /\.[a-z0-9]+$/i.test(pathname)) return undefined;
  return {
    req: { method: input.method ?? "GET", path: pathname },
    status: input.status,
    ms: Math.round(input.ms * 10) / 10,
    ...(input.agent ? { agent: input.agent } : {}),
  };
}

/** Logs each page response of servers created from now on (Next's standalone server). */
export function installAccessLog(): void {
  const original = http.createServer.bind(http);
  const wrap =
    (listener: Listener): Listener =>
    (request, response) => {
      const start = performance.now();
      // "close" also comes when the client went away before the end ("finish" would not).
      response.once("close", () => {
        const line = pageLine({
          method: request.method,
          url: request.url,
          status: response.statusCode,
          ms: performance.now() - start,
          agent: request.headers["user-agent"],
        });
        if (line) log.info(response.writableFinished ? line : { ...line, aborted: true }, "page");
      });
      listener(request, response);
    };
  (http as { createServer: unknown }).createServer = (...args: unknown[]) => {
    const index = args.findIndex((arg) => typeof arg === "function");
    if (index > -1) args[index] = wrap(args[index] as Listener);
    return (original as (...a: unknown[]) => http.Server)(...args);
  };
}
