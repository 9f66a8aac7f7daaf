import "server-only";
import { prisma } from "@/lib/db/prisma";

/** Every plan, in the order the plans page lists them. */
export function listPlans() {
  return prisma.plan.findMany({ orderBy: { sortOrder: "asc" } });
}
