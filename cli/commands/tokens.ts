// token:create, token:list, token:revoke — API tokens for the mobile app and scripts.
// token:create prints the token alone on its last line (shown once; only a hash is kept).
import { UsageError } from "@/cli/context";
import { defineCommand } from "@/cli/spec";
import {
  createApiToken,
  listApiTokens,
  revokeApiToken,
  TOKEN_SCOPES,
  type TokenScope,
} from "@/lib/auth/tokens";
import { AccountError } from "@/lib/auth/users";
import { prisma } from "@/lib/db/prisma";

export const tokenCreate = defineCommand({
  name: "token:create",
  usage: "--name N --scope read|write [--staff-id ID | --user EMAIL]",
  summary:
    "create an API token; printed once, on the last line. --staff-id: it acts as that walker (staff, " +
    "never the owner); --user: as that account; neither: as the owner",
  options: {
    name: { type: "string" },
    scope: { type: "string" },
    "staff-id": { type: "string" },
    user: { type: "string" },
  },
  required: ["name", "scope"],
  async run({ values }, { out, now }) {
    const scope = String(values.scope);
    if (!(TOKEN_SCOPES as readonly string[]).includes(scope))
      throw new UsageError("--scope must be read or write.");
    const rawStaff = values["staff-id"];
    const staffId = rawStaff === undefined ? undefined : Number(rawStaff);
    if (staffId !== undefined && (!Number.isInteger(staffId) || staffId <= 0)) {
      throw new UsageError("--staff-id must be a whole number (a staff id).");
    }
    if (staffId !== undefined && values.user !== undefined)
      throw new UsageError("Give --staff-id or --user, not both.");
    let userId: string | undefined;
    if (values.user !== undefined) {
      const email = String(values.user).trim().toLowerCase();
      const user = await prisma().user.findUnique({ where: { email } });
      if (!user || user.disabled) throw new UsageError(`No active account for ${email}.`);
      userId = user.id;
    }
    try {
      const { token, summary } = await createApiToken(
        prisma(),
        { name: String(values.name), scope: scope as TokenScope, staffId, userId },
        { actor: "cli", now },
      );
      process.stderr.write(
        `Created ${summary.scope} token #${summary.id} "${summary.name}". Copy it now; it cannot be shown again.\n`,
      );
      out(token);
      return 0;
    } catch (error) {
      if (error instanceof AccountError) throw new UsageError(error.message);
      throw error;
    }
  },
});

export const tokenList = defineCommand({
  name: "token:list",
  usage: "",
  summary: "API tokens (never their values)",
  async run(_args, { out }) {
    const tokens = await listApiTokens(prisma());
    if (tokens.length === 0) out("No API tokens.");
    for (const token of tokens) {
      out(
        [
          `#${token.id}`,
          token.name,
          `${token.prefix}…`,
          token.scope,
          token.staffId ? `staff #${token.staffId}` : "-",
          token.revokedAt ? `revoked ${token.revokedAt.toISOString()}` : "active",
          token.lastUsedAt ? `last used ${token.lastUsedAt.toISOString()}` : "never used",
        ].join("\t"),
      );
    }
    return 0;
  },
});

export const tokenRevoke = defineCommand({
  name: "token:revoke",
  usage: "ID",
  summary: "revoke an API token (by the #id token:list shows)",
  positionals: { names: ["ID"], min: 1 },
  async run({ positionals }, { out, now }) {
    const id = Number(positionals[0]!.replace(/^#/, ""));
    if (!Number.isInteger(id) || id <= 0)
      throw new UsageError("ID must be the token's number from token:list.");
    if (!(await revokeApiToken(prisma(), id, { actor: "cli", now }))) {
      throw new UsageError(`No active token #${id}.`);
    }
    out(`Revoked token #${id}.`);
    return 0;
  },
});

export const tokenCommands = [tokenCreate, tokenList, tokenRevoke];
