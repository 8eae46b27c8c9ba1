// staff:list, clients:list — the ids other commands take (--scope staff:<id>, client:<stripeId>).
import { listClients } from "@/lib/clients";
import { disconnectPrisma, prisma } from "@/lib/db/prisma";
import { listActiveStaff } from "@/lib/staff";
import { say } from "@/cli/context";
import { defineCommand } from "@/cli/spec";

export const staffList = defineCommand({
  name: "staff:list",
  usage: "",
  summary: "staff members and their ids",
  run: async (_args, { out }) => {
    try {
      const staff = await listActiveStaff(prisma());
      if (staff.length === 0) say("No staff members.");
      for (const person of staff) out(`${person.id}\t${person.name}`);
      return 0;
    } finally {
      await disconnectPrisma();
    }
  },
});

export const clientsList = defineCommand({
  name: "clients:list",
  usage: "[--search TEXT]",
  summary:
    "clients (Stripe customers) and their ids; --search matches name, email, id or a phone number in any notation",
  options: { search: { type: "string" } },
  run: async ({ values }, { out }) => {
    try {
      const search = typeof values.search === "string" ? values.search : undefined;
      const clients = await listClients(prisma(), search === undefined ? {} : { search });
      if (clients.length === 0) say(search ? `No client matches "${search}".` : "No clients.");
      for (const client of clients) out(`${client.stripeId}\t${client.name ?? ""}\t${client.email ?? ""}`);
      return 0;
    } finally {
      await disconnectPrisma();
    }
  },
});
