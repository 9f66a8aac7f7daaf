import "server-only";
import type { DbOrTx } from "@/lib/db/client";
import type { AccountTableKey } from "@/lib/account-data/tables";
import { detectLosses, type LossThresholds, type TypeChange } from "@/lib/loss-alerts/loss-rules";
import { enqueueNotifications, loadAudience } from "@/lib/notifications/enqueue-notifications";
import { lossAlertRecipients } from "@/lib/notifications/recipients";
import { expiresAt, retentionDaysFromEnv } from "@/lib/retention/retention";
import { lossFacts } from "@/lib/loss-alerts/loss-facts";

type Backup = { id: string; takenAt: Date };

/**
 * Records the losses one daily snapshot saw and tells the account admin, in
 * the snapshot's transaction. (snapshot, type, kind) is unique and the
 * notification's source key is the alert, so running the detection again for
 * the same pair of snapshots raises and sends nothing new.
 */
export async function raiseLossAlerts(
  tx: DbOrTx,
  { accountId, snapshot, previous, changes, thresholds }: { accountId: string; snapshot: Backup; previous: Backup; changes: Partial<Record<AccountTableKey, TypeChange>>; thresholds: LossThresholds },
): Promise<number> {
  const losses = detectLosses(changes, thresholds);
  if (!losses.length) return 0;
  const backupExpiresAt = expiresAt(previous.takenAt, retentionDaysFromEnv(process.env.SNAPSHOT_RETENTION_DAYS));
  // Raised when the snapshot was taken — never later than now (a snapshot dated ahead must not make the newest news forever).
  const raisedAt = new Date(Math.min(snapshot.takenAt.getTime(), Date.now()));
  const alerts = await tx.lossAlert.createManyAndReturn({
    data: losses.map((loss) => ({
      accountId,
      snapshotId: snapshot.id,
      beforeSnapshotId: previous.id,
      beforeTakenAt: previous.takenAt,
      afterTakenAt: snapshot.takenAt,
      backupExpiresAt,
      tableKey: loss.tableKey,
      kind: loss.kind,
      count: loss.count,
      total: loss.total,
      ...(loss.kind === "MASS_EDIT" ? { field: loss.field, value: loss.value } : {}),
      createdAt: raisedAt,
    })),
    skipDuplicates: true,
  });
  if (!alerts.length) return 0;
  const account = await tx.account.findUniqueOrThrow({ where: { id: accountId }, select: { name: true, ownerId: true, timeZone: true } });
  const { audience, users } = await loadAudience(tx, accountId);
  for (const alert of alerts) {
    await enqueueNotifications(tx, {
      sourceKey: `loss-alert:${alert.id}`,
      recipients: lossAlertRecipients(account.ownerId, audience, "LOSS_DETECTED"),
      users,
      data: { account: account.name, loss: lossFacts(alert, account.timeZone) },
      createdAt: raisedAt,
    });
  }
  return alerts.length;
}
