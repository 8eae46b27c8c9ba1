// Every benchmark, in the order `./run bench` runs them. A new one (page render times, desktop
// launch) is a module exporting a `Benchmark`, added here.
import type { Benchmark } from "@/bench/types";
import { webhooks } from "@/bench/webhooks";

export const benchmarks: Benchmark[] = [webhooks];
