-- AlterTable
ALTER TABLE "restore_ticket" ADD COLUMN     "customerRepliedAt" TIMESTAMPTZ(3);

-- CreateIndex
CREATE INDEX "restore_ticket_customerRepliedAt_idx" ON "restore_ticket"("customerRepliedAt");
