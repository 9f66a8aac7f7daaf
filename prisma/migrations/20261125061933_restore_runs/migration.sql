-- AlterTable
ALTER TABLE "csv_file" ADD COLUMN     "fileName" TEXT NOT NULL;

-- AlterTable
ALTER TABLE "restore_run" ADD COLUMN     "figures" JSONB,
ADD COLUMN     "runningForAccountId" UUID,
ADD COLUMN     "undoOfRunId" UUID;

-- CreateIndex
CREATE UNIQUE INDEX "restore_run_runningForAccountId_key" ON "restore_run"("runningForAccountId");
