// Only `prisma dev` (a local Prisma Postgres server) imports this package. The real one needs
// Node >= 22; this project runs on SQLite and never starts `prisma dev`, so it is replaced.
export async function startLocalDurableStreamsServer() {
  throw new Error("`prisma dev` is not supported by stripe-bookings (SQLite; see README).");
}
