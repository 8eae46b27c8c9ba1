#!/usr/bin/env node
// Stand-in for the Neutralino window binary in the desktop launcher tests. It "loads" its --url
// the way the real window does: on the launcher's start page it reports being drawn, then
// follows the page's long poll to the app URL (or stops at the start-up error it is shown);
// on the app it asks /api/health. It writes {argv, pid, url, healthStatus, error} as JSON to
// $FAKE_NEU_RECORD (with the umask it was started with). It exits $FAKE_NEU_EXIT_AFTER_MS after that (or after its start with
// FAKE_NEU_EXIT_FROM=start) with $FAKE_NEU_EXIT_CODE (default 0); shown an error, it exits 0 as
// someone closing the window would; otherwise it stays until it is killed, or until the file
// $FAKE_NEU_EXIT_WHEN exists (a close button pressed by the test).
// Like the real window started with --export-auth-info, it serves a native API over WebSocket
// (only `window.focus`, counted in $FAKE_NEU_RECORD.focus), writes the auth file and logs where.
import { appendFileSync, existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { WebSocketServer } from "ws";

const argv = process.argv.slice(2);
const exitAfter = process.env.FAKE_NEU_EXIT_AFTER_MS;
const exitCode = Number(process.env.FAKE_NEU_EXIT_CODE ?? 0);
// Closed while the page still loads (FAKE_NEU_EXIT_FROM=start), or once it has loaded.
// FAKE_NEU_EXIT_SIGNAL=SIGTERM: ended by that signal instead, as the system ends a window.
const exitLater = () =>
  setTimeout(() => {
    if (process.env.FAKE_NEU_EXIT_SIGNAL) process.kill(process.pid, process.env.FAKE_NEU_EXIT_SIGNAL);
    else process.exit(exitCode);
  }, Number(exitAfter));
if (exitAfter && process.env.FAKE_NEU_EXIT_FROM === "start") exitLater();
setInterval(() => {
  if (process.env.FAKE_NEU_EXIT_WHEN && existsSync(process.env.FAKE_NEU_EXIT_WHEN)) process.exit(0);
}, 50);

if (argv.includes("--export-auth-info") && argv.includes("--enable-native-api=true")) {
  const tokens = { nlToken: `token-${process.pid}`, nlConnectToken: `connect-${process.pid}` };
  const api = new WebSocketServer({ host: "127.0.0.1", port: 0 });
  await new Promise((resolve) => api.once("listening", resolve));
  api.on("connection", (socket, request) => {
    if (!request.url?.includes(`connectToken=${tokens.nlConnectToken}`)) return socket.close();
    socket.on("message", (raw) => {
      const message = JSON.parse(raw.toString());
      const allowed = message.accessToken === tokens.nlToken && message.method === "window.focus";
      if (allowed && process.env.FAKE_NEU_RECORD)
        appendFileSync(`${process.env.FAKE_NEU_RECORD}.focus`, "focus\n");
      socket.send(
        JSON.stringify({
          id: message.id,
          method: message.method,
          data: allowed ? { success: true } : { error: {} },
        }),
      );
    });
  });
  const authFile = path.join(mkdtempSync(path.join(tmpdir(), "fake-neu-")), "auth_info.json");
  writeFileSync(authFile, JSON.stringify({ nlPort: api.address().port, ...tokens }));
  console.log(`INFO Auth info was exported to ${authFile} debug.cpp:14`);
}

let url = argv.find((arg) => arg.startsWith("--url="))?.slice("--url=".length);
let error = null;
const startPage = url !== undefined && /^\/[0-9a-f]{32}\/$/.test(new URL(url).pathname);
if (startPage) {
  const page = url;
  await fetch(new URL("shown", page), { method: "POST" });
  url = undefined;
  while (url === undefined && error === null) {
    const response = await fetch(new URL("next", page)).catch(() => null);
    if (response === null) break;
    if (response.status === 410) break;
    if (response.status !== 200) continue;
    const body = await response.json();
    if (typeof body.url === "string") url = body.url;
    if (typeof body.error === "string") error = body.error;
  }
}

let healthStatus = null;
if (url && error === null) {
  try {
    healthStatus = (await fetch(new URL("/api/health", url))).status;
  } catch {
    healthStatus = "unreachable";
  }
}
if (process.env.FAKE_NEU_RECORD) {
  writeFileSync(
    process.env.FAKE_NEU_RECORD,
    JSON.stringify({
      argv,
      pid: process.pid,
      startPage,
      url: url ?? null,
      healthStatus,
      error,
      // What the real window creates (its state, the native API's auth file) gets this umask.
      umask: process.umask(),
    }),
  );
}
console.log("fake neutralino window open");
if (error !== null) process.exit(0);
if (exitAfter && process.env.FAKE_NEU_EXIT_FROM !== "start") exitLater();
