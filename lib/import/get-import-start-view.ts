import "server-only";
import { prisma } from "@/lib/db/prisma";

/** The import page: the restore files the admin can import from, and the account's latest imports. */
export async function getImportStartView(accountId: string) {
  const [files, history] = await Promise.all([
    prisma.csvFile.findMany({ where: { accountId, expiresAt: { gt: new Date() } }, orderBy: { createdAt: "desc" }, include: { ticket: { select: { number: true } } } }),
    prisma.csvImport.findMany({ where: { accountId }, orderBy: { createdAt: "desc" }, take: 20, include: { user: { select: { name: true } } } }),
  ]);
  return { files, history };
}
