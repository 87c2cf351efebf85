import { defineConfig } from "prisma/config";

// Used by the Prisma CLI (generate; and migrate/studio where its native engine
// can be fetched). The app itself connects through driver adapters (lib/db).
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/planner" },
});
