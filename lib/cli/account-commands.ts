import { parseArgs } from "node:util";
import { createApiToken } from "@/lib/auth/api-tokens";
import { ZEmail } from "@/lib/auth/credentials-schema";
import { createUser, findUserByEmail } from "@/lib/auth/users";
import { AppError } from "@/lib/errors/app-error";

/** npm run cli -- user create --email E --password P [--name N] [--admin] */
export async function runUserCreateCommand(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      email: { type: "string" },
      password: { type: "string" },
      name: { type: "string" },
      admin: { type: "boolean", default: false },
    },
  });
  if (!values.email || !values.password) throw new AppError("BAD_REQUEST", "user create needs --email and --password");
  const user = await createUser({ email: values.email, password: values.password, name: values.name, admin: values.admin });
  console.log(`created ${user.role === "ADMIN" ? "admin" : "attendee"} ${user.email} (id ${user.id})`);
}

/** npm run cli -- token create --email E [--name NAME]; the last line is the token alone. */
export async function runTokenCreateCommand(argv: string[]): Promise<void> {
  const { values } = parseArgs({ args: argv, options: { email: { type: "string" }, name: { type: "string" } } });
  if (!values.email) throw new AppError("BAD_REQUEST", "token create needs --email");
  const email = ZEmail.parse(values.email);
  const user = await findUserByEmail(email);
  if (!user) throw new AppError("NOT_FOUND", `no account for ${email}`);
  const token = await createApiToken(user.id, values.name ?? `CLI ${new Date().toISOString().slice(0, 10)}`);
  console.log(`personal API token "${token.name}" for ${user.email} (shown once; store it now):`);
  console.log(token.token);
}
