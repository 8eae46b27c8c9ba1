// Next.js configuration. `standalone` output makes the production server a self-contained
// folder the desktop launcher and `./run start` boot without `next` on the path.
/** @type {import('next').NextConfig} */
const nextConfig = {
  output: "standalone",
  poweredByHeader: false,
  serverExternalPackages: ["better-sqlite3", "pino", "@prisma/adapter-better-sqlite3"],
  typedRoutes: false,
  // `./run test` type-checks the whole project (tests included) with tsc before anything else;
  // checking again inside the build would only make `./run start` slower.
  typescript: { ignoreBuildErrors: true },
};

export default nextConfig;
