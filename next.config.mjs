// Next.js configuration. `standalone` output makes the production server a self-contained
// folder the desktop launcher and `./run start` boot without `next` on the path.
/** @type {import('next').NextConfig} */
const nextConfig = {
  output: "standalone",
  poweredByHeader: false,
  serverExternalPackages: ["better-sqlite3", "pino", "@prisma/adapter-better-sqlite3"],
  typedRoutes: false,
};

export default nextConfig;
