import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { prisma } from "@/lib/db/prisma";
import { authenticate } from "@/lib/auth/authenticate";
import { clientAddress } from "@/lib/http/client-address";
import { safeRedirectPath } from "@/lib/auth/safe-redirect";
import { isSessionCurrent } from "@/lib/auth/session-user";

export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

/** Thrown from the token check: next-auth then answers no session and clears the cookie. */
const SESSION_REVOKED = "SESSION_REVOKED";

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/login" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(credentials, req) {
        const result = await authenticate({ db: prisma, input: credentials, address: clientAddress(req?.headers) });
        if (result.ok) return { id: result.user.id, email: result.user.email, name: result.user.name, sessionVersion: result.user.sessionVersion };
        // next-auth passes the message to the client as `error`.
        if (result.reason === "RATE_LIMITED") throw new Error("RATE_LIMITED");
        return null;
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        token.sessionVersion = (user as { sessionVersion?: number }).sessionVersion ?? 1;
        return token;
      }
      // Every endpoint that reads a session, next-auth's /api/auth/session included, asks here:
      // a revoked one gets no user data and no refreshed cookie.
      if (!(await isSessionCurrent(token.sub, token.sessionVersion))) throw new Error(SESSION_REVOKED);
      return token;
    },
    // next-auth's own redirects (sign-in, sign-out) go through the app's one gate.
    redirect({ url, baseUrl }) {
      return new URL(safeRedirectPath(url, { origin: baseUrl }), baseUrl).toString();
    },
    async session({ session, token }) {
      return { ...session, userId: token.sub, sessionVersion: token.sessionVersion };
    },
  },
  logger: {
    error(code, metadata) {
      // A revoked or forged cookie is an expected answer, not a server fault: one line, no stack.
      if (code === "JWT_SESSION_ERROR") {
        const message = metadata instanceof Error ? metadata.message : String((metadata as { message?: unknown })?.message ?? "");
        if (message !== SESSION_REVOKED) console.warn(`[next-auth] session refused: ${message}`);
        return;
      }
      console.error(`[next-auth][error][${code}]`, metadata);
    },
  },
  events: {
    // Signing out revokes every session of the user, including copied cookies.
    async signOut({ token }) {
      if (token?.sub) await prisma.user.update({ where: { id: token.sub }, data: { sessionVersion: { increment: 1 } } });
    },
  },
};
