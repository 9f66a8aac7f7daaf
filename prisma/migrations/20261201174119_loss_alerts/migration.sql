-- CreateEnum
CREATE TYPE "LossKind" AS ENUM ('DELETED', 'MASS_EDIT');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "NotificationKind" ADD VALUE 'LOSS_DETECTED';
ALTER TYPE "NotificationKind" ADD VALUE 'LOSS_REMINDER';

-- AlterTable
ALTER TABLE "restore_ticket" ADD COLUMN     "lossAlertId" UUID;

-- CreateTable
CREATE TABLE "loss_alert" (
    "id" UUID NOT NULL,
    "accountId" UUID NOT NULL,
    "snapshotId" UUID NOT NULL,
    "beforeSnapshotId" UUID NOT NULL,
    "beforeTakenAt" TIMESTAMPTZ(3) NOT NULL,
    "afterTakenAt" TIMESTAMPTZ(3) NOT NULL,
    "backupExpiresAt" TIMESTAMPTZ(3) NOT NULL,
    "tableKey" TEXT NOT NULL,
    "kind" "LossKind" NOT NULL,
    "count" INTEGER NOT NULL,
    "total" INTEGER NOT NULL,
    "field" TEXT,
    "value" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "dismissedAt" TIMESTAMPTZ(3),
    "dismissedById" UUID,
    "remindedAt" TIMESTAMPTZ(3),

    CONSTRAINT "loss_alert_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "loss_threshold_setting" (
    "id" UUID NOT NULL,
    "planId" UUID,
    "accountId" UUID,
    "thresholds" JSONB NOT NULL,
    "updatedById" UUID NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "loss_threshold_setting_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "loss_alert_accountId_createdAt_idx" ON "loss_alert"("accountId", "createdAt");

-- CreateIndex
CREATE INDEX "loss_alert_backupExpiresAt_idx" ON "loss_alert"("backupExpiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "loss_alert_snapshotId_tableKey_kind_key" ON "loss_alert"("snapshotId", "tableKey", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "loss_threshold_setting_planId_key" ON "loss_threshold_setting"("planId");

-- CreateIndex
CREATE UNIQUE INDEX "loss_threshold_setting_accountId_key" ON "loss_threshold_setting"("accountId");

-- AddForeignKey
ALTER TABLE "restore_ticket" ADD CONSTRAINT "restore_ticket_lossAlertId_fkey" FOREIGN KEY ("lossAlertId") REFERENCES "loss_alert"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "loss_alert" ADD CONSTRAINT "loss_alert_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "loss_alert" ADD CONSTRAINT "loss_alert_dismissedById_fkey" FOREIGN KEY ("dismissedById") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- A threshold setting belongs to exactly one plan or one account.
ALTER TABLE "loss_threshold_setting" ADD CONSTRAINT "loss_threshold_setting_one_scope" CHECK (("planId" IS NULL) <> ("accountId" IS NULL));
