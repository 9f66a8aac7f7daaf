import "server-only";
import { createPrismaClient, type Db } from "@/lib/db/client";

const globalForPrisma = globalThis as unknown as { prisma?: Db };

function client(): Db {
  if (globalForPrisma.prisma) return globalForPrisma.prisma;
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: start the app with `npm start` or `npm run dev`.");
  // Kept on globalThis so development hot reloads reuse one pool.
  globalForPrisma.prisma = createPrismaClient(url, { max: 20 });
  return globalForPrisma.prisma;
}

/**
 * The app's one Prisma client, connected on first use (so `next build`
 * needs no database).
 */
export const prisma: Db = new Proxy({} as Db, {
  get(_, property) {
    const target = client();
    const value = Reflect.get(target, property);
    return typeof value === "function" ? value.bind(target) : value;
  },
});
