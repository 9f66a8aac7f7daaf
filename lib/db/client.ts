import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient, type Prisma } from "@/lib/generated/prisma/client";

export type Db = PrismaClient;

/** A Prisma client on any PostgreSQL, through the pg driver adapter. */
export function createPrismaClient(connectionString: string, { max = 10 }: { max?: number } = {}): Db {
  // Row fingerprints hash the text form of rows, and timestamptz text depends
  // on the session time zone: every connection of the app speaks UTC.
  return new PrismaClient({ adapter: new PrismaPg({ connectionString, max, options: "-c TimeZone=UTC" }) });
}

/** A client or an open transaction: for reads and writes that may run inside one. */
export type DbOrTx = Prisma.TransactionClient;
