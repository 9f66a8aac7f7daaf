-- CreateEnum
CREATE TYPE "NotificationKind" AS ENUM ('TICKET_FILED', 'TICKET_ASSIGNED', 'INFO_REQUESTED', 'REQUESTER_REPLIED', 'SUPPORT_REPLIED', 'TICKET_APPROVED', 'TICKET_REJECTED', 'TICKET_CANCELLED', 'APPROVAL_WAITING', 'RESTORE_STARTED', 'RESTORE_COMPLETED', 'RESTORE_FAILED', 'RESTORE_UNDONE', 'UNDO_FAILED', 'ACCOUNT_RESTORE_STARTED', 'ACCOUNT_RESTORE_FINISHED', 'BACKUP_EXPIRING');

-- CreateEnum
CREATE TYPE "EmailStatus" AS ENUM ('PENDING', 'SENT', 'KEPT', 'FAILED', 'UNDELIVERABLE');

-- CreateTable
CREATE TABLE "notification" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "kind" "NotificationKind" NOT NULL,
    "ticketNumber" INTEGER,
    "sourceKey" TEXT NOT NULL,
    "data" JSONB NOT NULL,
    "readAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "notification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "email_outbox" (
    "id" UUID NOT NULL,
    "notificationId" UUID NOT NULL,
    "toAddress" TEXT NOT NULL,
    "toName" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "textBody" TEXT NOT NULL,
    "htmlBody" TEXT NOT NULL,
    "status" "EmailStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lockedUntil" TIMESTAMPTZ(3),
    "lastError" TEXT,
    "messageId" TEXT,
    "sentAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "email_outbox_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "email_opt_out" (
    "userId" UUID NOT NULL,
    "kind" "NotificationKind" NOT NULL,

    CONSTRAINT "email_opt_out_pkey" PRIMARY KEY ("userId","kind")
);

-- CreateIndex
CREATE INDEX "notification_userId_createdAt_idx" ON "notification"("userId", "createdAt" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "notification_sourceKey_userId_key" ON "notification"("sourceKey", "userId");

-- CreateIndex
CREATE UNIQUE INDEX "email_outbox_notificationId_key" ON "email_outbox"("notificationId");

-- CreateIndex
CREATE INDEX "email_outbox_status_nextAttemptAt_idx" ON "email_outbox"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "email_outbox_createdAt_idx" ON "email_outbox"("createdAt" DESC);

-- AddForeignKey
ALTER TABLE "notification" ADD CONSTRAINT "notification_userId_fkey" FOREIGN KEY ("userId") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "email_outbox" ADD CONSTRAINT "email_outbox_notificationId_fkey" FOREIGN KEY ("notificationId") REFERENCES "notification"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "email_opt_out" ADD CONSTRAINT "email_opt_out_userId_fkey" FOREIGN KEY ("userId") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;
