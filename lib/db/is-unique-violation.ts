import { Prisma } from "@/lib/generated/prisma/client";

/** A unique constraint refused the write (Prisma's P2002): the caller says which rule that is. */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}
