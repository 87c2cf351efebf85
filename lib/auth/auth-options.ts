import { PrismaAdapter } from "@next-auth/prisma-adapter";
import type { AuthOptions } from "next-auth";
import type { Adapter, AdapterUser } from "next-auth/adapters";
import CredentialsProvider from "next-auth/providers/credentials";
import EmailProvider from "next-auth/providers/email";
import GitHubProvider from "next-auth/providers/github";
import GoogleProvider from "next-auth/providers/google";
import { getEnv } from "@/lib/config/env";
import { getDb } from "@/lib/db/client";
import { getAppUrl, getAuthSecret } from "./auth-secret";
import { currentSessionVersion } from "./session-version";
import { afterUserCreated, checkCredentials } from "./users";

/** Which sign-in methods this instance offers: password always, the rest when configured. */
export function enabledSignInMethods() {
  const env = getEnv();
  return {
    email: Boolean(env.SMTP_URL),
    github: Boolean(env.GITHUB_ID && env.GITHUB_SECRET),
    google: Boolean(env.GOOGLE_CLIENT_ID && env.GOOGLE_CLIENT_SECRET),
  };
}

let cached: Promise<AuthOptions> | undefined;

/**
 * next-auth's options, built on first use (never at import time: the build
 * must not open the database). Credentials need the JWT session strategy; the
 * Prisma adapter keeps OAuth accounts and magic-link tokens.
 */
export function getAuthOptions(): Promise<AuthOptions> {
  cached ??= buildAuthOptions();
  return cached;
}

async function buildAuthOptions(): Promise<AuthOptions> {
  const env = getEnv();
  process.env.NEXTAUTH_URL ??= getAppUrl();
  const db = await getDb();
  const base = PrismaAdapter(db);
  const adapter: Adapter = {
    ...base,
    async createUser(data: Omit<AdapterUser, "id">) {
      const user = await base.createUser!(data);
      await afterUserCreated(user.id);
      return user;
    },
  };
  const methods = enabledSignInMethods();
  const providers: AuthOptions["providers"] = [
    CredentialsProvider({
      id: "credentials",
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials) {
        if (!credentials?.email || !credentials.password) return null;
        const user = await checkCredentials(credentials.email, credentials.password);
        return user ? { id: user.id, email: user.email, name: user.name } : null;
      },
    }),
  ];
  if (methods.email) {
    providers.push(EmailProvider({ server: env.SMTP_URL, from: env.MAIL_FROM ?? "Agenda planner <planner@localhost>" }));
  }
  if (methods.github) providers.push(GitHubProvider({ clientId: env.GITHUB_ID!, clientSecret: env.GITHUB_SECRET! }));
  if (methods.google) {
    providers.push(GoogleProvider({ clientId: env.GOOGLE_CLIENT_ID!, clientSecret: env.GOOGLE_CLIENT_SECRET! }));
  }

  return {
    secret: getAuthSecret(),
    adapter,
    providers,
    session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
    pages: { signIn: "/signin", verifyRequest: "/signin/check-email", error: "/signin" },
    callbacks: {
      async jwt({ token, user }) {
        if (user) token.sv = await currentSessionVersion(user.id);
        return token;
      },
      async session({ session, token }) {
        session.user = { ...session.user, id: token.sub };
        session.sv = token.sv;
        return session;
      },
    },
    logger: {
      // next-auth logs sign-in failures with the submitted values in some
      // paths; keep only the code so no password reaches a log.
      error(code) {
        console.error(`next-auth error: ${code}`);
      },
      warn(code) {
        console.warn(`next-auth warning: ${code}`);
      },
      debug() {},
    },
  };
}
