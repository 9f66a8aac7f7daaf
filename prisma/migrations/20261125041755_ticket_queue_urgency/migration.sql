-- AlterTable
ALTER TABLE "restore_ticket" ADD COLUMN     "backupExpiresAt" TIMESTAMPTZ(3);

-- CreateIndex
CREATE INDEX "restore_ticket_closedAt_backupExpiresAt_idx" ON "restore_ticket"("closedAt" DESC, "backupExpiresAt");
