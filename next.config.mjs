// Next.js configuration. `standalone` output makes the production server a self-contained
// folder the desktop launcher and `./run start` boot without `next` on the path.

// Headers for every response, static files included (proxy.ts adds the nonce CSP to the rest).
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "no-referrer" },
  { key: "X-Frame-Options", value: "DENY" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  output: "standalone",
  poweredByHeader: false,
  serverExternalPackages: ["better-sqlite3", "pino", "@prisma/adapter-better-sqlite3"],
  typedRoutes: false,
  // `forbidden()` renders app/forbidden.tsx with 403 for a signed-in user without the role.
  experimental: { authInterrupts: true },
  // `./run test` type-checks the whole project (tests included) with tsc before anything else;
  // checking again inside the build would only make `./run start` slower.
  typescript: { ignoreBuildErrors: true },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default nextConfig;
