import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient, type Prisma } from "@/lib/generated/prisma/client";

export type Db = PrismaClient;

/** A Prisma client on any PostgreSQL, through the pg driver adapter. */
export function createPrismaClient(connectionString: string, { max = 10 }: { max?: number } = {}): Db {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString, max }) });
}

/** A client or an open transaction: for reads and writes that may run inside one. */
export type DbOrTx = Prisma.TransactionClient;
