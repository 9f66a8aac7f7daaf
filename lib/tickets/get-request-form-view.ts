import "server-only";
import { prisma } from "@/lib/db/prisma";
import type { Role } from "@/lib/auth/roles";
import { loadEligibility } from "@/lib/tickets/load-eligibility";

/** The request form: the account, and what may be filed now (or why not). */
export function getRequestFormView({ accountId, role }: { accountId: string; role: Role }) {
  return loadEligibility({ db: prisma, accountId, role });
}
