-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "UserKind" AS ENUM ('CUSTOMER', 'SUPPORT');

-- CreateEnum
CREATE TYPE "SnapshotKind" AS ENUM ('DAILY', 'MANUAL', 'SAFETY');

-- CreateEnum
CREATE TYPE "RestoreMethod" AS ENUM ('CSV', 'FULL');

-- CreateEnum
CREATE TYPE "TicketStatus" AS ENUM ('SUBMITTED', 'IN_REVIEW', 'NEEDS_INFO', 'APPROVED', 'RUNNING', 'COMPLETED', 'FAILED', 'REJECTED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "TicketEventKind" AS ENUM ('CREATED', 'STATUS_CHANGED', 'ASSIGNED', 'REPLY', 'INTERNAL_NOTE', 'INFO_REQUESTED', 'APPROVAL_REQUESTED', 'APPROVED', 'REJECTED', 'RUN_STARTED', 'RUN_PROGRESS', 'RUN_COMPLETED', 'RUN_FAILED', 'UNDONE');

-- CreateEnum
CREATE TYPE "RunKind" AS ENUM ('CSV_EXPORT', 'FULL_RESTORE', 'UNDO');

-- CreateEnum
CREATE TYPE "RunStatus" AS ENUM ('RUNNING', 'SUCCEEDED', 'FAILED');

-- CreateEnum
CREATE TYPE "ImportMode" AS ENUM ('ONLY_MISSING', 'OVERWRITE');

-- CreateTable
CREATE TABLE "plan" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "restoreAvailable" BOOLEAN NOT NULL,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "plan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "account" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "portalAddress" TEXT NOT NULL,
    "planId" UUID NOT NULL,
    "ownerId" UUID,
    "timeZone" TEXT NOT NULL DEFAULT 'Europe/Warsaw',
    "databaseSizeBytes" BIGINT NOT NULL DEFAULT 0,
    "externalDataBytes" BIGINT NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "account_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "app_user" (
    "id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "kind" "UserKind" NOT NULL,
    "isLead" BOOLEAN NOT NULL DEFAULT false,
    "accountId" UUID,
    "locale" TEXT NOT NULL DEFAULT 'en',
    "sessionVersion" INTEGER NOT NULL DEFAULT 1,
    "disabledAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "app_user_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "rate_limit_bucket" (
    "key" TEXT NOT NULL,
    "windowStart" TIMESTAMPTZ(3) NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "rate_limit_bucket_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "crm_company" (
    "id" UUID NOT NULL,
    "accountId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "industry" TEXT,
    "website" TEXT,
    "email" TEXT,
    "phone" TEXT,
    "city" TEXT,
    "country" TEXT,
    "customFields" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "crm_company_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "crm_contact" (
    "id" UUID NOT NULL,
    "accountId" UUID NOT NULL,
    "companyId" UUID,
    "firstName" TEXT NOT NULL,
    "lastName" TEXT NOT NULL,
    "email" TEXT,
    "phone" TEXT,
    "position" TEXT,
    "customFields" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "crm_contact_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "crm_deal" (
    "id" UUID NOT NULL,
    "accountId" UUID NOT NULL,
    "companyId" UUID,
    "contactId" UUID,
    "title" TEXT NOT NULL,
    "stage" TEXT NOT NULL,
    "amount" DECIMAL(14,2) NOT NULL,
    "currency" TEXT NOT NULL,
    "closeDate" DATE,
    "customFields" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "crm_deal_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "crm_lead" (
    "id" UUID NOT NULL,
    "accountId" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT,
    "phone" TEXT,
    "source" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "customFields" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "crm_lead_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "crm_activity" (
    "id" UUID NOT NULL,
    "accountId" UUID NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "dueAt" TIMESTAMPTZ(3),
    "done" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "crm_activity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "crm_comment" (
    "id" UUID NOT NULL,
    "accountId" UUID NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" UUID NOT NULL,
    "authorName" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "crm_comment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "crm_history_entry" (
    "id" UUID NOT NULL,
    "accountId" UUID NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" UUID NOT NULL,
    "action" TEXT NOT NULL,
    "field" TEXT,
    "oldValue" TEXT,
    "newValue" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "crm_history_entry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "crm_task" (
    "id" UUID NOT NULL,
    "accountId" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "status" TEXT NOT NULL,
    "dueDate" DATE,
    "responsible" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "crm_task_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "crm_product" (
    "id" UUID NOT NULL,
    "accountId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "sku" TEXT NOT NULL,
    "price" DECIMAL(14,2) NOT NULL,
    "currency" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "crm_product_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "crm_custom_field" (
    "id" UUID NOT NULL,
    "accountId" UUID NOT NULL,
    "entityType" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "fieldType" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "crm_custom_field_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "snapshot" (
    "id" UUID NOT NULL,
    "accountId" UUID NOT NULL,
    "kind" "SnapshotKind" NOT NULL,
    "takenAt" TIMESTAMPTZ(3) NOT NULL,
    "rowCounts" JSONB NOT NULL,
    "checksums" JSONB NOT NULL,
    "checksum" TEXT NOT NULL,
    "sizeBytes" BIGINT NOT NULL,

    CONSTRAINT "snapshot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "snap_crm_company" (
    "snapshotId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "accountId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "industry" TEXT,
    "website" TEXT,
    "email" TEXT,
    "phone" TEXT,
    "city" TEXT,
    "country" TEXT,
    "customFields" JSONB NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "snap_crm_company_pkey" PRIMARY KEY ("snapshotId","id")
);

-- CreateTable
CREATE TABLE "snap_crm_contact" (
    "snapshotId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "accountId" UUID NOT NULL,
    "companyId" UUID,
    "firstName" TEXT NOT NULL,
    "lastName" TEXT NOT NULL,
    "email" TEXT,
    "phone" TEXT,
    "position" TEXT,
    "customFields" JSONB NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "snap_crm_contact_pkey" PRIMARY KEY ("snapshotId","id")
);

-- CreateTable
CREATE TABLE "snap_crm_deal" (
    "snapshotId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "accountId" UUID NOT NULL,
    "companyId" UUID,
    "contactId" UUID,
    "title" TEXT NOT NULL,
    "stage" TEXT NOT NULL,
    "amount" DECIMAL(14,2) NOT NULL,
    "currency" TEXT NOT NULL,
    "closeDate" DATE,
    "customFields" JSONB NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "snap_crm_deal_pkey" PRIMARY KEY ("snapshotId","id")
);

-- CreateTable
CREATE TABLE "snap_crm_lead" (
    "snapshotId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "accountId" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT,
    "phone" TEXT,
    "source" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "customFields" JSONB NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "snap_crm_lead_pkey" PRIMARY KEY ("snapshotId","id")
);

-- CreateTable
CREATE TABLE "snap_crm_activity" (
    "snapshotId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "accountId" UUID NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "dueAt" TIMESTAMPTZ(3),
    "done" BOOLEAN NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "snap_crm_activity_pkey" PRIMARY KEY ("snapshotId","id")
);

-- CreateTable
CREATE TABLE "snap_crm_comment" (
    "snapshotId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "accountId" UUID NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" UUID NOT NULL,
    "authorName" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "snap_crm_comment_pkey" PRIMARY KEY ("snapshotId","id")
);

-- CreateTable
CREATE TABLE "snap_crm_history_entry" (
    "snapshotId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "accountId" UUID NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" UUID NOT NULL,
    "action" TEXT NOT NULL,
    "field" TEXT,
    "oldValue" TEXT,
    "newValue" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "snap_crm_history_entry_pkey" PRIMARY KEY ("snapshotId","id")
);

-- CreateTable
CREATE TABLE "snap_crm_task" (
    "snapshotId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "accountId" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "status" TEXT NOT NULL,
    "dueDate" DATE,
    "responsible" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "snap_crm_task_pkey" PRIMARY KEY ("snapshotId","id")
);

-- CreateTable
CREATE TABLE "snap_crm_product" (
    "snapshotId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "accountId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "sku" TEXT NOT NULL,
    "price" DECIMAL(14,2) NOT NULL,
    "currency" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "snap_crm_product_pkey" PRIMARY KEY ("snapshotId","id")
);

-- CreateTable
CREATE TABLE "snap_crm_custom_field" (
    "snapshotId" UUID NOT NULL,
    "id" UUID NOT NULL,
    "accountId" UUID NOT NULL,
    "entityType" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "fieldType" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "snap_crm_custom_field_pkey" PRIMARY KEY ("snapshotId","id")
);

-- CreateTable
CREATE TABLE "counter" (
    "name" TEXT NOT NULL,
    "value" INTEGER NOT NULL,

    CONSTRAINT "counter_pkey" PRIMARY KEY ("name")
);

-- CreateTable
CREATE TABLE "restore_ticket" (
    "id" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "accountId" UUID NOT NULL,
    "requesterId" UUID NOT NULL,
    "method" "RestoreMethod" NOT NULL,
    "restoreDate" DATE NOT NULL,
    "snapshotId" UUID,
    "description" TEXT NOT NULL,
    "status" "TicketStatus" NOT NULL DEFAULT 'SUBMITTED',
    "openForAccountId" UUID,
    "assigneeId" UUID,
    "approvalRequestedById" UUID,
    "approvedById" UUID,
    "approvedAt" TIMESTAMPTZ(3),
    "approvedPreview" JSONB,
    "rejectionReason" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "closedAt" TIMESTAMPTZ(3),

    CONSTRAINT "restore_ticket_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ticket_event" (
    "id" UUID NOT NULL,
    "ticketId" UUID NOT NULL,
    "accountId" UUID NOT NULL,
    "actorId" UUID,
    "kind" "TicketEventKind" NOT NULL,
    "fromStatus" "TicketStatus",
    "toStatus" "TicketStatus",
    "body" TEXT,
    "internal" BOOLEAN NOT NULL DEFAULT false,
    "data" JSONB,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ticket_event_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "restore_run" (
    "id" UUID NOT NULL,
    "ticketId" UUID NOT NULL,
    "accountId" UUID NOT NULL,
    "kind" "RunKind" NOT NULL,
    "status" "RunStatus" NOT NULL DEFAULT 'RUNNING',
    "idempotencyKey" TEXT NOT NULL,
    "startedById" UUID,
    "sourceSnapshotId" UUID,
    "safetySnapshotId" UUID,
    "phase" TEXT,
    "currentTable" TEXT,
    "rowsDone" BIGINT NOT NULL DEFAULT 0,
    "rowsTotal" BIGINT NOT NULL DEFAULT 0,
    "error" TEXT,
    "heartbeatAt" TIMESTAMPTZ(3),
    "startedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMPTZ(3),

    CONSTRAINT "restore_run_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "csv_file" (
    "id" UUID NOT NULL,
    "runId" UUID NOT NULL,
    "ticketId" UUID NOT NULL,
    "accountId" UUID NOT NULL,
    "storagePath" TEXT NOT NULL,
    "sizeBytes" BIGINT NOT NULL,
    "sha256" TEXT NOT NULL,
    "rowCounts" JSONB NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "csv_file_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "csv_import" (
    "id" UUID NOT NULL,
    "accountId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "fileName" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "mode" "ImportMode" NOT NULL,
    "figures" JSONB NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "csv_import_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "help_article" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "help_article_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "help_article_revision" (
    "id" UUID NOT NULL,
    "articleId" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "titleEn" TEXT NOT NULL,
    "titlePl" TEXT NOT NULL,
    "bodyEn" TEXT NOT NULL,
    "bodyPl" TEXT NOT NULL,
    "authorId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "help_article_revision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "feedback_vote" (
    "id" UUID NOT NULL,
    "articleId" UUID NOT NULL,
    "revisionId" UUID NOT NULL,
    "visitorId" TEXT NOT NULL,
    "helpful" BOOLEAN NOT NULL,
    "reasons" TEXT[],
    "comment" TEXT,
    "ipHash" TEXT NOT NULL,
    "accountId" UUID,
    "locale" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "feedback_vote_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "plan_code_key" ON "plan"("code");

-- CreateIndex
CREATE UNIQUE INDEX "account_portalAddress_key" ON "account"("portalAddress");

-- CreateIndex
CREATE UNIQUE INDEX "account_ownerId_key" ON "account"("ownerId");

-- CreateIndex
CREATE UNIQUE INDEX "app_user_email_key" ON "app_user"("email");

-- CreateIndex
CREATE INDEX "app_user_accountId_idx" ON "app_user"("accountId");

-- CreateIndex
CREATE INDEX "crm_company_accountId_idx" ON "crm_company"("accountId");

-- CreateIndex
CREATE INDEX "crm_contact_accountId_idx" ON "crm_contact"("accountId");

-- CreateIndex
CREATE INDEX "crm_deal_accountId_idx" ON "crm_deal"("accountId");

-- CreateIndex
CREATE INDEX "crm_lead_accountId_idx" ON "crm_lead"("accountId");

-- CreateIndex
CREATE INDEX "crm_activity_accountId_idx" ON "crm_activity"("accountId");

-- CreateIndex
CREATE INDEX "crm_comment_accountId_idx" ON "crm_comment"("accountId");

-- CreateIndex
CREATE INDEX "crm_history_entry_accountId_idx" ON "crm_history_entry"("accountId");

-- CreateIndex
CREATE INDEX "crm_task_accountId_idx" ON "crm_task"("accountId");

-- CreateIndex
CREATE INDEX "crm_product_accountId_idx" ON "crm_product"("accountId");

-- CreateIndex
CREATE INDEX "crm_custom_field_accountId_idx" ON "crm_custom_field"("accountId");

-- CreateIndex
CREATE INDEX "snapshot_accountId_takenAt_idx" ON "snapshot"("accountId", "takenAt");

-- CreateIndex
CREATE INDEX "snap_crm_company_accountId_idx" ON "snap_crm_company"("accountId");

-- CreateIndex
CREATE INDEX "snap_crm_contact_accountId_idx" ON "snap_crm_contact"("accountId");

-- CreateIndex
CREATE INDEX "snap_crm_deal_accountId_idx" ON "snap_crm_deal"("accountId");

-- CreateIndex
CREATE INDEX "snap_crm_lead_accountId_idx" ON "snap_crm_lead"("accountId");

-- CreateIndex
CREATE INDEX "snap_crm_activity_accountId_idx" ON "snap_crm_activity"("accountId");

-- CreateIndex
CREATE INDEX "snap_crm_comment_accountId_idx" ON "snap_crm_comment"("accountId");

-- CreateIndex
CREATE INDEX "snap_crm_history_entry_accountId_idx" ON "snap_crm_history_entry"("accountId");

-- CreateIndex
CREATE INDEX "snap_crm_task_accountId_idx" ON "snap_crm_task"("accountId");

-- CreateIndex
CREATE INDEX "snap_crm_product_accountId_idx" ON "snap_crm_product"("accountId");

-- CreateIndex
CREATE INDEX "snap_crm_custom_field_accountId_idx" ON "snap_crm_custom_field"("accountId");

-- CreateIndex
CREATE UNIQUE INDEX "restore_ticket_number_key" ON "restore_ticket"("number");

-- CreateIndex
CREATE UNIQUE INDEX "restore_ticket_openForAccountId_key" ON "restore_ticket"("openForAccountId");

-- CreateIndex
CREATE INDEX "restore_ticket_accountId_createdAt_idx" ON "restore_ticket"("accountId", "createdAt");

-- CreateIndex
CREATE INDEX "restore_ticket_status_createdAt_idx" ON "restore_ticket"("status", "createdAt");

-- CreateIndex
CREATE INDEX "restore_ticket_assigneeId_status_idx" ON "restore_ticket"("assigneeId", "status");

-- CreateIndex
CREATE INDEX "restore_ticket_createdAt_idx" ON "restore_ticket"("createdAt");

-- CreateIndex
CREATE INDEX "ticket_event_ticketId_createdAt_idx" ON "ticket_event"("ticketId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "restore_run_idempotencyKey_key" ON "restore_run"("idempotencyKey");

-- CreateIndex
CREATE INDEX "restore_run_accountId_status_idx" ON "restore_run"("accountId", "status");

-- CreateIndex
CREATE INDEX "restore_run_ticketId_idx" ON "restore_run"("ticketId");

-- CreateIndex
CREATE UNIQUE INDEX "csv_file_runId_key" ON "csv_file"("runId");

-- CreateIndex
CREATE INDEX "csv_file_accountId_idx" ON "csv_file"("accountId");

-- CreateIndex
CREATE INDEX "csv_import_accountId_createdAt_idx" ON "csv_import"("accountId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "help_article_slug_key" ON "help_article"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "help_article_revision_articleId_number_key" ON "help_article_revision"("articleId", "number");

-- CreateIndex
CREATE INDEX "feedback_vote_articleId_createdAt_idx" ON "feedback_vote"("articleId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "feedback_vote_revisionId_visitorId_key" ON "feedback_vote"("revisionId", "visitorId");

-- AddForeignKey
ALTER TABLE "account" ADD CONSTRAINT "account_planId_fkey" FOREIGN KEY ("planId") REFERENCES "plan"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "account" ADD CONSTRAINT "account_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "account"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "snapshot" ADD CONSTRAINT "snapshot_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "restore_ticket" ADD CONSTRAINT "restore_ticket_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "restore_ticket" ADD CONSTRAINT "restore_ticket_requesterId_fkey" FOREIGN KEY ("requesterId") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "restore_ticket" ADD CONSTRAINT "restore_ticket_snapshotId_fkey" FOREIGN KEY ("snapshotId") REFERENCES "snapshot"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "restore_ticket" ADD CONSTRAINT "restore_ticket_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ticket_event" ADD CONSTRAINT "ticket_event_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "restore_ticket"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ticket_event" ADD CONSTRAINT "ticket_event_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "restore_run" ADD CONSTRAINT "restore_run_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "restore_ticket"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "restore_run" ADD CONSTRAINT "restore_run_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "csv_file" ADD CONSTRAINT "csv_file_runId_fkey" FOREIGN KEY ("runId") REFERENCES "restore_run"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "csv_file" ADD CONSTRAINT "csv_file_ticketId_fkey" FOREIGN KEY ("ticketId") REFERENCES "restore_ticket"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "csv_file" ADD CONSTRAINT "csv_file_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "csv_import" ADD CONSTRAINT "csv_import_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "csv_import" ADD CONSTRAINT "csv_import_userId_fkey" FOREIGN KEY ("userId") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "help_article_revision" ADD CONSTRAINT "help_article_revision_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "help_article"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "feedback_vote" ADD CONSTRAINT "feedback_vote_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "help_article"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "feedback_vote" ADD CONSTRAINT "feedback_vote_revisionId_fkey" FOREIGN KEY ("revisionId") REFERENCES "help_article_revision"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
