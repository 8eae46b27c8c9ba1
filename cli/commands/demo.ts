// demo:load, demo:wipe — the built-in sample business. A wipe lists what it will remove (rules
// and feeds people made themselves included) and asks first; without a terminal it needs --yes.
import { createInterface } from "node:readline/promises";
import { demoWipePlan, loadDemoData, wipeDemoData } from "@/lib/demo";
import { appAccessKey } from "@/lib/clients/access";
import { UsageError, say } from "@/cli/context";
import { defineCommand } from "@/cli/spec";

export const demoLoad = defineCommand({
  name: "demo:load",
  usage: "",
  summary: "load the sample business into an empty database (also after demo:wipe)",
  run: async (_args, { db, now, out }) => {
    const result = loadDemoData(db, now, { afterWipe: true, accessKey: appAccessKey() });
    if (!result.loaded) {
      say(`Not loaded: ${result.reason}`);
      return 1;
    }
    out(`Loaded the demo business (${result.objects} Stripe objects).`);
    return 0;
  },
});

async function confirm(question: string): Promise<boolean> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return /^y(es)?$/i.test((await rl.question(question)).trim());
  } finally {
    rl.close();
  }
}

export const demoWipe = defineCommand({
  name: "demo:wipe",
  usage: "[--yes]",
  summary: "remove the sample business for good (lists what goes, asks first)",
  options: { yes: { type: "boolean" } },
  run: async ({ values }, { db, out }) => {
    const plan = demoWipePlan(db);
    if (!plan) {
      say("There is no demo data to remove.");
      return 0;
    }
    say("demo:wipe will delete:");
    for (const line of plan.lines) say(`  ${line}`);
    if (values.yes !== true) {
      if (!process.stdin.isTTY) {
        throw new UsageError("Not removed: run demo:wipe --yes to confirm (no terminal to ask on).");
      }
      if (!(await confirm("Remove all of this? [y/N] "))) {
        say("Nothing removed.");
        return 1;
      }
    }
    wipeDemoData(db);
    out("Demo data removed. It will not be loaded again at start-up (demo:load brings it back).");
    return 0;
  },
});
