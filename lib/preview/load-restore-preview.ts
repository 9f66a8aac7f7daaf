import "server-only";
import { prisma } from "@/lib/db/prisma";
import { computeRestorePreview } from "@/lib/preview/restore-preview";

/** What a full restore of the account to the snapshot would change, computed now from live vs snapshot rows. */
export function loadRestorePreview({ accountId, snapshotId }: { accountId: string; snapshotId: string }) {
  return computeRestorePreview({ db: prisma, accountId, snapshotId });
}
