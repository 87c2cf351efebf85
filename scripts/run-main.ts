import { ZodError } from "zod";
import { isAppError } from "@/lib/errors/app-error";

/**
 * Runs a command-line entry point: a user error (AppError) prints its message
 * and exits 1; anything else prints the stack and exits 2.
 */
export function runMain(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      if (error instanceof ZodError) {
        const issue = error.issues[0];
        console.error(`error: ${issue?.path.length ? `${issue.path.join(".")}: ` : ""}${issue?.message ?? "invalid input"}`);
        process.exit(1);
      }
      if (isAppError(error)) {
        console.error(`error: ${error.message}`);
        process.exit(1);
      }
      console.error(error instanceof Error ? `error: ${error.message}` : error);
      if (error instanceof Error && process.env.DEBUG) console.error(error.stack);
      process.exit(error instanceof Error && ["DataDirInUseError", "MissingSecretError"].includes(error.name) ? 1 : 2);
    },
  );
}
