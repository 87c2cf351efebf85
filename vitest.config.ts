import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  resolve: { alias: { "@": root } },
  test: {
    // Property tests run hundreds of cases; on a shared, loaded machine they
    // can take several seconds. Speed is measured in `npm run bench`, not here.
    testTimeout: 60_000,
    env: { TZ: "UTC", NEXTAUTH_SECRET: "integration-tests-only-secret-0123456789", NEXTAUTH_URL: "http://planner.test" },
    projects: [
      {
        extends: true,
        test: { name: "unit", include: ["tests/unit/**/*.test.ts"] },
      },
      {
        // The time logic runs a second time far from UTC, so a hidden
        // dependency on the machine's zone shows up as a failure.
        extends: true,
        test: {
          name: "unit-auckland",
          include: ["tests/unit/**/*.tz.test.ts"],
          env: { TZ: "Pacific/Auckland" },
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
