// npm run db:migration -- NAME: writes the next migration from schema.prisma.
import { authorMigration } from "@/lib/db/author-migration";
import { runMain } from "./run-main";

runMain(async () => {
  const name = process.argv[2];
  if (!name) throw new Error("usage: npm run db:migration -- NAME   (e.g. add_team_colors)");
  const dir = await authorMigration(name);
  console.log(dir ? `wrote ${dir}/migration.sql` : "no changes: schema.prisma and prisma/migrations agree");
});
