// user:create, user:list, user:disable, user:password — accounts from the command line.
// Passwords are read from stdin only. Bad input is exit 2 and changes nothing.
import { UsageError } from "@/cli/context";
import { commandLine, defineCommand } from "@/cli/spec";
import { readSecretFromStdin } from "@/cli/commands/stdin";
import {
  AccountError,
  createUser,
  disableUser,
  listUsers,
  setPassword,
  ROLES,
  type Role,
} from "@/lib/auth/users";
import { prisma } from "@/lib/db/prisma";

const meta = (now: Date) => ({ actor: "cli", now });

function asUsage(error: unknown): never {
  if (error instanceof AccountError) throw new UsageError(error.message);
  throw error;
}

function positiveInt(value: unknown, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isInteger(number) || number <= 0)
    throw new UsageError(`--${flag} must be a whole number (a staff id).`);
  return number;
}

export const userCreate = defineCommand({
  name: "user:create",
  usage: "--email E --role owner|staff [--staff-id ID] [--name N] --password-stdin",
  summary: "create an account (password read from stdin)",
  options: {
    email: { type: "string" },
    role: { type: "string" },
    "staff-id": { type: "string" },
    name: { type: "string" },
    "password-stdin": { type: "boolean" },
  },
  required: ["email", "role", "password-stdin"],
  async run({ values }, { out, now }) {
    const role = String(values.role);
    if (!(ROLES as readonly string[]).includes(role)) throw new UsageError("--role must be owner or staff.");
    const staffId = positiveInt(values["staff-id"], "staff-id");
    const password = await readSecretFromStdin();
    const user = await createUser(
      prisma(),
      {
        email: String(values.email),
        role: role as Role,
        staffId,
        name: typeof values.name === "string" ? values.name : undefined,
        password,
      },
      meta(now),
    ).catch(asUsage);
    out(`Created ${user.role} ${user.email}${user.staffName ? ` (walker: ${user.staffName})` : ""}.`);
    return 0;
  },
});

export const userList = defineCommand({
  name: "user:list",
  usage: "",
  summary: "accounts with role, walker and live sessions",
  async run(_args, { out, now }) {
    const users = await listUsers(prisma(), now);
    if (users.length === 0)
      out(
        `No accounts yet. Create the owner: ${commandLine("user:create --email E --role owner --password-stdin")}`,
      );
    for (const user of users) {
      out(
        [
          user.email,
          user.role,
          user.disabled ? "disabled" : "active",
          user.staffId ? `staff #${user.staffId} ${user.staffName ?? ""}`.trim() : "-",
          `${user.activeSessions} session(s)`,
        ].join("\t"),
      );
    }
    return 0;
  },
});

export const userDisable = defineCommand({
  name: "user:disable",
  usage: "EMAIL",
  summary: "disable an account and end everything it holds: sessions, API tokens, devices, feeds it made",
  positionals: { names: ["EMAIL"], min: 1 },
  async run({ positionals }, { out, now }) {
    const result = await disableUser(prisma(), positionals[0]!, meta(now)).catch(asUsage);
    out(
      `Disabled ${positionals[0]}; ${result.sessionsEnded} session(s) ended, ` +
        `${result.tokensRevoked} API token(s) or device(s) and ${result.feedsRevoked} calendar feed(s) revoked.`,
    );
    return 0;
  },
});

export const userPassword = defineCommand({
  name: "user:password",
  usage: "EMAIL --password-stdin",
  summary: "set a new password (read from stdin); the account's sessions end",
  positionals: { names: ["EMAIL"], min: 1 },
  options: { "password-stdin": { type: "boolean" } },
  required: ["password-stdin"],
  async run({ positionals }, { out, now }) {
    const password = await readSecretFromStdin();
    await setPassword(prisma(), positionals[0]!, password, meta(now)).catch(asUsage);
    out(`Password changed for ${positionals[0]}; its sessions ended.`);
    return 0;
  },
});

export const userCommands = [userCreate, userList, userDisable, userPassword];
