#!/usr/bin/env node
// Stand-in for the Neutralino window binary in the desktop launcher tests. On start it asks
// the page's /api/health (as the real window would load the page), then writes
// {argv, pid, healthStatus} as JSON to $FAKE_NEU_RECORD. It exits after $FAKE_NEU_EXIT_AFTER_MS
// with $FAKE_NEU_EXIT_CODE (default 0), or, without that variable, stays until it is killed.
import { writeFileSync } from "node:fs";

const argv = process.argv.slice(2);
const url = argv.find((arg) => arg.startsWith("--url="))?.slice("--url=".length);

let healthStatus = null;
if (url) {
  try {
    healthStatus = (await fetch(new URL("/api/health", url))).status;
  } catch {
    healthStatus = "unreachable";
  }
}
if (process.env.FAKE_NEU_RECORD) {
  writeFileSync(process.env.FAKE_NEU_RECORD, JSON.stringify({ argv, pid: process.pid, healthStatus }));
}
console.log("fake neutralino window open");

if (process.env.FAKE_NEU_EXIT_AFTER_MS) {
  setTimeout(
    () => process.exit(Number(process.env.FAKE_NEU_EXIT_CODE ?? 0)),
    Number(process.env.FAKE_NEU_EXIT_AFTER_MS),
  );
} else {
  setInterval(() => {}, 60_000);
}
