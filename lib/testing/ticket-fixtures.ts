import type { Db } from "@/lib/db/client";
import { ACCOUNT_TABLES } from "@/lib/account-data/tables";
import { liveRows, snapshotRows } from "@/lib/testing/snapshot-rows";
import type { RestoreMethod, TicketStatus } from "@/lib/generated/prisma/enums";
import { isOpenStatus } from "@/lib/tickets/status";

let nextNumber = 900_000;

/** A ticket put straight into a state (the review flow has its own tests). */
export async function createTicketInState(
  db: Db,
  { accountId, requesterId, snapshotId, method = "FULL", status = "APPROVED" }: { accountId: string; requesterId: string; snapshotId: string | null; method?: RestoreMethod; status?: TicketStatus },
) {
  const open = isOpenStatus(status);
  return db.restoreTicket.create({
    data: {
      number: ++nextNumber + Math.floor(Math.random() * 1000) * 1000,
      accountId,
      requesterId,
      method,
      restoreDate: new Date(),
      snapshotId,
      description: "Test ticket",
      status,
      openForAccountId: open ? accountId : null,
      closedAt: open ? null : new Date(),
    },
  });
}

/**
 * Every row of every table as ordered JSON — of the live account, or of a
 * snapshot: an independent check (no fingerprints) that two states are equal.
 */
async function dump(db: Db, source: "live" | "snapshot", id: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const table of ACCOUNT_TABLES) {
    const from = source === "live" ? liveRows(table, "$1") : snapshotRows(table, "$1");
    const [row] = await db.$queryRawUnsafe<{ j: string | null }[]>(`SELECT json_agg(row_to_json(x) ORDER BY x.id)::text AS j FROM ${from} x`, id);
    out[table.key] = row.j ?? "[]";
  }
  return out;
}

export const dumpLiveAccount = (db: Db, accountId: string) => dump(db, "live", accountId);
export const dumpSnapshot = (db: Db, snapshotId: string) => dump(db, "snapshot", snapshotId);
