-- AlterTable
ALTER TABLE "restore_ticket" ADD COLUMN     "requestKey" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "restore_ticket_requestKey_key" ON "restore_ticket"("requestKey");
