// Every benchmark, in the order `./run bench` runs them. A new one (page render times, desktop
// launch) is a module exporting a `Benchmark`, added here.
import type { Benchmark } from "@/bench/types";
import { derive } from "@/bench/derive";
import { feed } from "@/bench/feed";
import { growth } from "@/bench/growth";
import { ingest } from "@/bench/ingest";
import { start } from "@/bench/start";
import { screens } from "@/bench/screens";
import { webhooks } from "@/bench/webhooks";

export const benchmarks: Benchmark[] = [ingest, webhooks, feed, derive, start, growth, screens];
