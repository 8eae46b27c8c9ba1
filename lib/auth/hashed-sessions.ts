// Session tokens at rest: the Session table keeps only SHA-256 hashes of them, as ApiToken
// does. Better Auth (1.7) has no option for this, so its database adapter is wrapped: the
// token is hashed where a session is created and in every `where` on `token`; rows read back
// by token carry the raw token again (Better Auth re-signs the cookie from it). Rows read by
// anything else (e.g. a user's sessions) carry the hash, which is no use as a cookie.
import { createHash } from "node:crypto";
import type { DBAdapter, DBAdapterInstance, DBTransactionAdapter, Where } from "better-auth";

const SESSION = "session";

/** The stored form of a session token. */
export const hashSessionToken = (token: string): string => createHash("sha256").update(token).digest("hex");

type Rows = Map<string, string>; // hash → raw token, for the raw tokens a call names

function hashWhere(where: Where[] | undefined, raw: Rows): Where[] | undefined {
  return where?.map((clause) => {
    if (clause.field !== "token") return clause;
    const hash = (token: unknown) => {
      if (typeof token !== "string") return token;
      const hashed = hashSessionToken(token);
      raw.set(hashed, token);
      return hashed;
    };
    const value = Array.isArray(clause.value) ? clause.value.map(hash) : hash(clause.value);
    return { ...clause, value } as Where;
  });
}

function restore<T>(row: T, raw: Rows): T {
  if (!row || typeof row !== "object") return row;
  const token = (row as { token?: unknown }).token;
  if (typeof token !== "string" || !raw.has(token)) return row;
  return { ...row, token: raw.get(token) };
}

function hashData<T>(data: T, raw: Rows): T {
  const token = (data as { token?: unknown } | undefined)?.token;
  if (typeof token !== "string") return data;
  const hashed = hashSessionToken(token);
  raw.set(hashed, token);
  return { ...data, token: hashed };
}

function wrap<A extends DBTransactionAdapter>(adapter: A): A {
  const isSession = (model: string) => model === SESSION;
  return {
    ...adapter,
    create: async (input) => {
      if (!isSession(input.model)) return adapter.create(input);
      const raw: Rows = new Map();
      return restore(await adapter.create({ ...input, data: hashData(input.data, raw) }), raw);
    },
    findOne: async (input) => {
      if (!isSession(input.model)) return adapter.findOne(input);
      const raw: Rows = new Map();
      return restore(await adapter.findOne({ ...input, where: hashWhere(input.where, raw)! }), raw);
    },
    findMany: async (input) => {
      if (!isSession(input.model)) return adapter.findMany(input);
      const raw: Rows = new Map();
      const rows = await adapter.findMany({ ...input, where: hashWhere(input.where, raw) });
      return rows.map((row) => restore(row, raw));
    },
    count: async (input) =>
      isSession(input.model)
        ? adapter.count({ ...input, where: hashWhere(input.where, new Map()) })
        : adapter.count(input),
    update: async (input) => {
      if (!isSession(input.model)) return adapter.update(input);
      const raw: Rows = new Map();
      const where = hashWhere(input.where, raw)!;
      return restore(await adapter.update({ ...input, where, update: hashData(input.update, raw) }), raw);
    },
    updateMany: async (input) => {
      if (!isSession(input.model)) return adapter.updateMany(input);
      const raw: Rows = new Map();
      const where = hashWhere(input.where, raw)!;
      return adapter.updateMany({ ...input, where, update: hashData(input.update, raw) });
    },
    delete: async (input) =>
      isSession(input.model)
        ? adapter.delete({ ...input, where: hashWhere(input.where, new Map())! })
        : adapter.delete(input),
    deleteMany: async (input) =>
      isSession(input.model)
        ? adapter.deleteMany({ ...input, where: hashWhere(input.where, new Map())! })
        : adapter.deleteMany(input),
    consumeOne: async (input) => {
      if (!isSession(input.model)) return adapter.consumeOne(input);
      const raw: Rows = new Map();
      return restore(await adapter.consumeOne({ ...input, where: hashWhere(input.where, raw)! }), raw);
    },
    incrementOne: async (input) => {
      if (!isSession(input.model)) return adapter.incrementOne(input);
      const raw: Rows = new Map();
      const where = hashWhere(input.where, raw)!;
      return restore(
        await adapter.incrementOne({ ...input, where, set: input.set && hashData(input.set, raw) }),
        raw,
      );
    },
  } as A;
}

/** `database` for betterAuth(): the given adapter, storing session tokens hashed. */
export function withHashedSessionTokens(inner: DBAdapterInstance): DBAdapterInstance {
  return (options) => {
    const adapter: DBAdapter = inner(options);
    return {
      ...wrap(adapter),
      transaction: (callback) => adapter.transaction((trx) => callback(wrap(trx))),
    };
  };
}
