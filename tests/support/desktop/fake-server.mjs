// Stand-in for `server/serve.ts` in the desktop launcher tests. Listens on HOST:PORT from the
// environment and answers /api/health the way the real server does, on a schedule:
//   --delay=MS       answer 503 until MS after start, then 200 (default 0)
//   --health=never   never answer 200
//   --exit-after=MS  exit with code 3 MS after start
//   --info=FILE      write {pid, port, host, dataDir, parentPid} as JSON once listening
import { createServer } from "node:http";
import { writeFileSync } from "node:fs";

const flags = Object.fromEntries(
  process.argv.slice(2).map((arg) => {
    const [key, value = "true"] = arg.replace(/^--/, "").split("=");
    return [key, value];
  }),
);
const started = Date.now();
const delay = Number(flags.delay ?? 0);
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "127.0.0.1";

const health = {
  status: "ok",
  version: "0.0.0-fake",
  database: { reachable: true },
  migrations: { applied: 1, expected: 1, upToDate: true },
  demoMode: true,
};

const server = createServer((request, response) => {
  if (request.url !== "/api/health") {
    response.writeHead(200, { "content-type": "text/html" }).end("<h1>fake</h1>");
    return;
  }
  const ready = flags.health !== "never" && Date.now() - started >= delay;
  response
    .writeHead(ready ? 200 : 503, { "content-type": "application/json" })
    .end(JSON.stringify(ready ? health : { ...health, status: "degraded" }));
});

server.listen(port, host, () => {
  console.log(`fake server listening on ${host}:${port} (pid ${process.pid})`);
  if (flags.info) {
    writeFileSync(
      flags.info,
      JSON.stringify({
        pid: process.pid,
        port,
        host,
        dataDir: process.env.DATA_DIR,
        parentPid: process.env.BOOKINGS_PARENT_PID,
      }),
    );
  }
});

if (flags["exit-after"]) {
  setTimeout(() => {
    console.error("fake server: exiting on purpose");
    process.exit(3);
  }, Number(flags["exit-after"]));
}
