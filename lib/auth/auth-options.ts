import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { prisma } from "@/lib/db/prisma";
import { authenticate } from "@/lib/auth/authenticate";
import { clientAddress } from "@/lib/http/client-address";

export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

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
      if (user) token.sessionVersion = (user as { sessionVersion?: number }).sessionVersion ?? 1;
      return token;
    },
    async session({ session, token }) {
      return { ...session, userId: token.sub, sessionVersion: token.sessionVersion };
    },
  },
  events: {
    // Signing out revokes every session of the user, including copied cookies.
    async signOut({ token }) {
      if (token?.sub) await prisma.user.update({ where: { id: token.sub }, data: { sessionVersion: { increment: 1 } } });
    },
  },
};
