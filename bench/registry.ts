// Every benchmark, in the order `./run bench` runs them. A new one (page render times, desktop
// launch) is a module exporting a `Benchmark`, added here.
import type { Benchmark } from "@/bench/types";
import { apiV1 } from "@/bench/api-v1";
import { changes } from "@/bench/changes";
import { derive } from "@/bench/derive";
import { desktop } from "@/bench/desktop";
import { feed } from "@/bench/feed";
import { growth } from "@/bench/growth";
import { ingest } from "@/bench/ingest";
import { start } from "@/bench/start";
import { reports } from "@/bench/reports";
import { reconciliation } from "@/bench/reconciliation";
import { screens } from "@/bench/screens";
import { myDayBench } from "@/bench/my-day";
import { sync } from "@/bench/sync";
import { webhooks } from "@/bench/webhooks";

export const benchmarks: Benchmark[] = [
  ingest,
  sync,
  webhooks,
  feed,
  derive,
  start,
  growth,
  apiV1,
  changes,
  screens,
  myDayBench,
  reports,
  reconciliation,
  desktop,
];
