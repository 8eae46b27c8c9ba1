// The Prisma client: one per process (a globalThis singleton survives Next's dev reloads).
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { config } from "@/lib/config";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { BUSY_TIMEOUT_MS } from "@/lib/db/sqlite";

export type Db = PrismaClient;

const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient; prismaFile?: string };

export function createPrisma(file: string): PrismaClient {
  const adapter = new PrismaBetterSqlite3(
    { url: file, timeout: BUSY_TIMEOUT_MS },
    { timestampFormat: "unixepoch-ms" },
  );
  return new PrismaClient({ adapter });
}

/** The process-wide client for the configured database file. */
export function prisma(): PrismaClient {
  const file = config().databaseFile;
  if (!globalForPrisma.prisma || globalForPrisma.prismaFile !== file) {
    void globalForPrisma.prisma?.$disconnect();
    globalForPrisma.prisma = createPrisma(file);
    globalForPrisma.prismaFile = file;
  }
  return globalForPrisma.prisma;
}

export async function disconnectPrisma(): Promise<void> {
  await globalForPrisma.prisma?.$disconnect();
  globalForPrisma.prisma = undefined;
}
