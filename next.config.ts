import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Database drivers and the WASM schema engine load native files and WASM at
  // run time; they must stay plain Node modules rather than be bundled.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "pglite-prisma-adapter",
    "@prisma/adapter-pg",
    "@prisma/driver-adapter-utils",
    "pg",
  ],
  // Several builds can sit side by side (e.g. parallel end-to-end runs).
  distDir: process.env.NEXT_DIST_DIR ?? ".next",
  poweredByHeader: false,
  // `npm test` type-checks the whole project with tsc first; checking again in
  // every build would only add minutes to start-up.
  typescript: { ignoreBuildErrors: true },
};

export default nextConfig;
