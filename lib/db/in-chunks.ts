// SQLite (through Prisma) takes a bounded number of query parameters: long id lists go in chunks.
const CHUNK = 500;

/** Runs `query` on `ids` a chunk at a time and concatenates the rows (ids de-duplicated). */
export async function inChunks<T>(
  ids: readonly string[],
  query: (chunk: string[]) => Promise<T[]>,
): Promise<T[]> {
  const all = [...new Set(ids)];
  const rows: T[] = [];
  for (let i = 0; i < all.length; i += CHUNK) rows.push(...(await query(all.slice(i, i + CHUNK))));
  return rows;
}
