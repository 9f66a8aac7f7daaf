import "server-only";
import { prisma } from "@/lib/db/prisma";

/** The facts a customer page shows about the actor's own account. */
export async function getAccountOverview(accountId: string) {
  return prisma.account.findUniqueOrThrow({
    where: { id: accountId },
    select: {
      id: true,
      name: true,
      portalAddress: true,
      timeZone: true,
      databaseSizeBytes: true,
      plan: { select: { code: true, name: true, restoreAvailable: true } },
      owner: { select: { id: true, name: true, email: true } },
    },
  });
}
