// demo:load, demo:wipe — the built-in sample business.
import { loadDemoData, wipeDemoData } from "@/lib/demo";
import type { Command } from "@/cli/context";

export const demoLoad: Command = async (_args, { db, now, out }) => {
  const { loaded, objects } = loadDemoData(db, now);
  out(
    loaded
      ? `Loaded the demo business (${objects} Stripe objects).`
      : "Not loaded: the database already has data or the demo was wiped.",
  );
  return 0;
};

export const demoWipe: Command = async (_args, { db, out }) => {
  const { wiped } = wipeDemoData(db);
  out(wiped ? "Demo data removed. It will not be loaded again." : "There is no demo data to remove.");
  return 0;
};
