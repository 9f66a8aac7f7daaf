import "server-only";
import type { JobHelpers, Task, TaskList } from "graphile-worker";
import { z } from "@/lib/zod";
import { prisma } from "@/lib/db/prisma";
import { enqueueJob } from "@/lib/jobs/enqueue-job";
import { JOB, type JobName } from "@/lib/jobs/job-names";
import { remindLossAlerts } from "@/lib/loss-alerts/remind-loss-alerts";
import { notifyExpiringBackups } from "@/lib/notifications/backup-expiry";
import { deliverDueEmails } from "@/lib/notifications/email-delivery";
import { mailTransportFromEnv, type MailTransport } from "@/lib/notifications/mail-transport";
import { failAbandonedRuns } from "@/lib/restore/abandoned-runs";
import { executeRun } from "@/lib/restore/execute-run";
import { pruneExpiredCsvFiles } from "@/lib/restore/prune-csv-files";
import { pruneAttachments } from "@/lib/attachments/prune-attachments";
import { prunePresence } from "@/lib/presence/prune-presence";
import { attachmentRetentionDays } from "@/lib/attachments/attachment-rules";
import { takeDueSnapshots } from "@/lib/snapshots/daily-snapshots";
import { fileStorageRoot } from "@/lib/storage/file-storage";

const EMAIL_BATCH = 20;
/** While any run is RUNNING, the sweep looks again this often (a killed worker's run is failed within ~40 s). */
export const SWEEP_EVERY_MS = 10_000;

/** A payload that does not parse never will: the job fails for good at once, with the reason. */
class InvalidJobPayload extends Error {}

const ZRunJob = z.object({ runId: z.uuid() });
// Cron adds `_cron`; nothing else is expected.
const ZNoPayload = z.looseObject({});

/** The sweep again in SWEEP_EVERY_MS; an earlier one already waiting keeps its time. */
export const scheduleSweep = (tx: Parameters<typeof enqueueJob>[0]) =>
  enqueueJob(tx, JOB.sweepAbandonedRuns, {}, { key: JOB.sweepAbandonedRuns, keepWaitingRunAt: true, maxAttempts: 3, runAt: new Date(Date.now() + SWEEP_EVERY_MS) });

let transport: MailTransport | null | undefined;
function mailTransport() {
  if (transport === undefined) {
    transport = mailTransportFromEnv();
    console.log(transport ? `[email] sending through SMTP ${transport.host}` : "[email] no SMTP_URL: emails are kept on the outbox page");
  }
  return transport;
}

function withPayload<T>(name: JobName, schema: z.ZodType<T>, handle: (payload: T, helpers: JobHelpers) => Promise<void>): Task {
  return async (payload, helpers) => {
    const parsed = schema.safeParse(payload);
    if (!parsed.success) {
      // Spend the job's remaining attempts: the queue then records the failure once, with this message, and never retries it.
      await helpers.query(`UPDATE graphile_worker._private_jobs SET attempts = max_attempts WHERE id = $1`, [helpers.job.id]);
      const problems = parsed.error.issues.map((issue) => `${issue.path.join(".") || "payload"}: ${issue.message}`).join("; ");
      throw new InvalidJobPayload(`${name}: the payload does not parse (${problems})`);
    }
    await handle(parsed.data, helpers);
  };
}

/** What each kind of job does. Each is safe to run twice: the work itself checks what is already done. */
export const jobTaskList: TaskList = {
  [JOB.executeRun]: withPayload(JOB.executeRun, ZRunJob, async ({ runId }) => {
    console.log(`[jobs] run ${runId} taken by worker ${process.pid}`);
    await scheduleSweep(prisma);
    // A run that is gone (its ticket or account deleted) or already ended is a no-op.
    await executeRun({ db: prisma, databaseUrl: process.env.DATABASE_URL!, storageRoot: fileStorageRoot() }, runId);
  }),

  [JOB.sweepAbandonedRuns]: withPayload(JOB.sweepAbandonedRuns, ZNoPayload, async () => {
    const failed = await failAbandonedRuns({ db: prisma });
    if (failed.length) console.log(`[restore] marked ${failed.length} abandoned run(s) as failed`);
    if (await prisma.restoreRun.count({ where: { status: "RUNNING" } })) await scheduleSweep(prisma);
  }),

  [JOB.deliverEmails]: withPayload(JOB.deliverEmails, ZNoPayload, async () => {
    // Drain: a full batch means more may be waiting.
    let report;
    do report = await deliverDueEmails({ db: prisma, transport: mailTransport(), batchSize: EMAIL_BATCH });
    while (report.claimed === EMAIL_BATCH);
    // The next try of what could not be sent, when the outbox's retry policy says (not at the next minute's round).
    if (report.nextTryAt) {
      const runAt = new Date(Math.max(report.nextTryAt.getTime(), Date.now() + 1000));
      await enqueueJob(prisma, JOB.deliverEmails, {}, { key: `${JOB.deliverEmails}:next-try`, maxAttempts: 3, runAt });
    }
  }),

  [JOB.takeDueSnapshots]: withPayload(JOB.takeDueSnapshots, ZNoPayload, async () => {
    const result = await takeDueSnapshots({ db: prisma });
    const csvFiles = await pruneExpiredCsvFiles({ db: prisma, storageRoot: fileStorageRoot() });
    if (result.snapshots || result.pruned || csvFiles) console.log(`[snapshots] took ${result.snapshots} daily snapshot(s), pruned ${result.pruned}, removed ${csvFiles} expired CSV file(s)`);
  }),

  [JOB.tidyTickets]: withPayload(JOB.tidyTickets, ZNoPayload, async () => {
    await prunePresence({ db: prisma });
    const attachments = await pruneAttachments({ db: prisma, storageRoot: fileStorageRoot(), retentionDays: attachmentRetentionDays(process.env.ATTACHMENT_RETENTION_DAYS) });
    if (attachments.expired || attachments.abandoned) console.log(`[attachments] removed ${attachments.expired} file(s) past retention, ${attachments.abandoned} upload(s) never sent`);
  }),

  [JOB.warnBeforeExpiry]: withPayload(JOB.warnBeforeExpiry, ZNoPayload, async () => {
    await notifyExpiringBackups({ db: prisma });
    await remindLossAlerts({ db: prisma });
  }),
};
