-- Versioned snapshot storage (issue 14): one history table per account table
-- instead of a full copy per snapshot. Existing snapshots are converted, so an
-- installation that upgrades keeps every backup it had (same rows, same
-- fingerprints, so the same checksums).

-- Every snapshot gets its place in its account's sequence, oldest first.
ALTER TABLE "snapshot" ADD COLUMN "seq" INTEGER;
UPDATE "snapshot" s SET "seq" = n.seq
FROM (SELECT id, row_number() OVER (PARTITION BY "accountId" ORDER BY "takenAt", id)::int AS seq FROM "snapshot") n
WHERE n.id = s.id;
ALTER TABLE "snapshot" ALTER COLUMN "seq" SET NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "snapshot_accountId_seq_key" ON "snapshot"("accountId", "seq");

-- CreateTable
CREATE TABLE "crm_company_version" (
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
    "rowHash" BIGINT NOT NULL,
    "rowBytes" INTEGER NOT NULL,
    "validFrom" INTEGER NOT NULL,
    "validTo" INTEGER,

    CONSTRAINT "crm_company_version_pkey" PRIMARY KEY ("accountId","id","validFrom")
);

-- CreateTable
CREATE TABLE "crm_contact_version" (
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
    "rowHash" BIGINT NOT NULL,
    "rowBytes" INTEGER NOT NULL,
    "validFrom" INTEGER NOT NULL,
    "validTo" INTEGER,

    CONSTRAINT "crm_contact_version_pkey" PRIMARY KEY ("accountId","id","validFrom")
);

-- CreateTable
CREATE TABLE "crm_deal_version" (
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
    "rowHash" BIGINT NOT NULL,
    "rowBytes" INTEGER NOT NULL,
    "validFrom" INTEGER NOT NULL,
    "validTo" INTEGER,

    CONSTRAINT "crm_deal_version_pkey" PRIMARY KEY ("accountId","id","validFrom")
);

-- CreateTable
CREATE TABLE "crm_lead_version" (
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
    "rowHash" BIGINT NOT NULL,
    "rowBytes" INTEGER NOT NULL,
    "validFrom" INTEGER NOT NULL,
    "validTo" INTEGER,

    CONSTRAINT "crm_lead_version_pkey" PRIMARY KEY ("accountId","id","validFrom")
);

-- CreateTable
CREATE TABLE "crm_activity_version" (
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
    "rowHash" BIGINT NOT NULL,
    "rowBytes" INTEGER NOT NULL,
    "validFrom" INTEGER NOT NULL,
    "validTo" INTEGER,

    CONSTRAINT "crm_activity_version_pkey" PRIMARY KEY ("accountId","id","validFrom")
);

-- CreateTable
CREATE TABLE "crm_comment_version" (
    "id" UUID NOT NULL,
    "accountId" UUID NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" UUID NOT NULL,
    "authorName" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "rowHash" BIGINT NOT NULL,
    "rowBytes" INTEGER NOT NULL,
    "validFrom" INTEGER NOT NULL,
    "validTo" INTEGER,

    CONSTRAINT "crm_comment_version_pkey" PRIMARY KEY ("accountId","id","validFrom")
);

-- CreateTable
CREATE TABLE "crm_history_entry_version" (
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
    "rowHash" BIGINT NOT NULL,
    "rowBytes" INTEGER NOT NULL,
    "validFrom" INTEGER NOT NULL,
    "validTo" INTEGER,

    CONSTRAINT "crm_history_entry_version_pkey" PRIMARY KEY ("accountId","id","validFrom")
);

-- CreateTable
CREATE TABLE "crm_task_version" (
    "id" UUID NOT NULL,
    "accountId" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT,
    "status" TEXT NOT NULL,
    "dueDate" DATE,
    "responsible" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "rowHash" BIGINT NOT NULL,
    "rowBytes" INTEGER NOT NULL,
    "validFrom" INTEGER NOT NULL,
    "validTo" INTEGER,

    CONSTRAINT "crm_task_version_pkey" PRIMARY KEY ("accountId","id","validFrom")
);

-- CreateTable
CREATE TABLE "crm_product_version" (
    "id" UUID NOT NULL,
    "accountId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "sku" TEXT NOT NULL,
    "price" DECIMAL(14,2) NOT NULL,
    "currency" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "rowHash" BIGINT NOT NULL,
    "rowBytes" INTEGER NOT NULL,
    "validFrom" INTEGER NOT NULL,
    "validTo" INTEGER,

    CONSTRAINT "crm_product_version_pkey" PRIMARY KEY ("accountId","id","validFrom")
);

-- CreateTable
CREATE TABLE "crm_custom_field_version" (
    "id" UUID NOT NULL,
    "accountId" UUID NOT NULL,
    "entityType" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "fieldType" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "rowHash" BIGINT NOT NULL,
    "rowBytes" INTEGER NOT NULL,
    "validFrom" INTEGER NOT NULL,
    "validTo" INTEGER,

    CONSTRAINT "crm_custom_field_version_pkey" PRIMARY KEY ("accountId","id","validFrom")
);

-- Convert the full copies of crm_company into versions: each run of consecutive
-- snapshots holding the same row (same fingerprint) becomes one version.
INSERT INTO "crm_company_version" ("accountId", "id", "name", "industry", "website", "email", "phone", "city", "country", "customFields", "createdAt", "updatedAt", "rowHash", "rowBytes", "validFrom", "validTo")
WITH copies AS (
  SELECT c.*, s.seq, s.seq - row_number() OVER (PARTITION BY c."accountId", c.id, c."rowHash" ORDER BY s.seq) AS island
  FROM "snap_crm_company" c JOIN "snapshot" s ON s.id = c."snapshotId"
), islands AS (
  SELECT "accountId", id, "rowHash", min(seq) AS first_seq, max(seq) AS last_seq
  FROM copies GROUP BY "accountId", id, "rowHash", island
)
SELECT c."accountId", c."id", c."name", c."industry", c."website", c."email", c."phone", c."city", c."country", c."customFields", c."createdAt", c."updatedAt", c."rowHash", pg_column_size(ROW(c."id", c."name", c."industry", c."website", c."email", c."phone", c."city", c."country", c."customFields", c."createdAt", c."updatedAt")), i.first_seq,
       CASE WHEN i.last_seq = (SELECT max(n.seq) FROM "snapshot" n WHERE n."accountId" = i."accountId") THEN NULL ELSE i.last_seq + 1 END
FROM islands i JOIN copies c ON c."accountId" = i."accountId" AND c.id = i.id AND c.seq = i.first_seq;

-- Convert the full copies of crm_contact into versions: each run of consecutive
-- snapshots holding the same row (same fingerprint) becomes one version.
INSERT INTO "crm_contact_version" ("accountId", "id", "companyId", "firstName", "lastName", "email", "phone", "position", "customFields", "createdAt", "updatedAt", "rowHash", "rowBytes", "validFrom", "validTo")
WITH copies AS (
  SELECT c.*, s.seq, s.seq - row_number() OVER (PARTITION BY c."accountId", c.id, c."rowHash" ORDER BY s.seq) AS island
  FROM "snap_crm_contact" c JOIN "snapshot" s ON s.id = c."snapshotId"
), islands AS (
  SELECT "accountId", id, "rowHash", min(seq) AS first_seq, max(seq) AS last_seq
  FROM copies GROUP BY "accountId", id, "rowHash", island
)
SELECT c."accountId", c."id", c."companyId", c."firstName", c."lastName", c."email", c."phone", c."position", c."customFields", c."createdAt", c."updatedAt", c."rowHash", pg_column_size(ROW(c."id", c."companyId", c."firstName", c."lastName", c."email", c."phone", c."position", c."customFields", c."createdAt", c."updatedAt")), i.first_seq,
       CASE WHEN i.last_seq = (SELECT max(n.seq) FROM "snapshot" n WHERE n."accountId" = i."accountId") THEN NULL ELSE i.last_seq + 1 END
FROM islands i JOIN copies c ON c."accountId" = i."accountId" AND c.id = i.id AND c.seq = i.first_seq;

-- Convert the full copies of crm_deal into versions: each run of consecutive
-- snapshots holding the same row (same fingerprint) becomes one version.
INSERT INTO "crm_deal_version" ("accountId", "id", "companyId", "contactId", "title", "stage", "amount", "currency", "closeDate", "customFields", "createdAt", "updatedAt", "rowHash", "rowBytes", "validFrom", "validTo")
WITH copies AS (
  SELECT c.*, s.seq, s.seq - row_number() OVER (PARTITION BY c."accountId", c.id, c."rowHash" ORDER BY s.seq) AS island
  FROM "snap_crm_deal" c JOIN "snapshot" s ON s.id = c."snapshotId"
), islands AS (
  SELECT "accountId", id, "rowHash", min(seq) AS first_seq, max(seq) AS last_seq
  FROM copies GROUP BY "accountId", id, "rowHash", island
)
SELECT c."accountId", c."id", c."companyId", c."contactId", c."title", c."stage", c."amount", c."currency", c."closeDate", c."customFields", c."createdAt", c."updatedAt", c."rowHash", pg_column_size(ROW(c."id", c."companyId", c."contactId", c."title", c."stage", c."amount", c."currency", c."closeDate", c."customFields", c."createdAt", c."updatedAt")), i.first_seq,
       CASE WHEN i.last_seq = (SELECT max(n.seq) FROM "snapshot" n WHERE n."accountId" = i."accountId") THEN NULL ELSE i.last_seq + 1 END
FROM islands i JOIN copies c ON c."accountId" = i."accountId" AND c.id = i.id AND c.seq = i.first_seq;

-- Convert the full copies of crm_lead into versions: each run of consecutive
-- snapshots holding the same row (same fingerprint) becomes one version.
INSERT INTO "crm_lead_version" ("accountId", "id", "title", "name", "email", "phone", "source", "status", "customFields", "createdAt", "updatedAt", "rowHash", "rowBytes", "validFrom", "validTo")
WITH copies AS (
  SELECT c.*, s.seq, s.seq - row_number() OVER (PARTITION BY c."accountId", c.id, c."rowHash" ORDER BY s.seq) AS island
  FROM "snap_crm_lead" c JOIN "snapshot" s ON s.id = c."snapshotId"
), islands AS (
  SELECT "accountId", id, "rowHash", min(seq) AS first_seq, max(seq) AS last_seq
  FROM copies GROUP BY "accountId", id, "rowHash", island
)
SELECT c."accountId", c."id", c."title", c."name", c."email", c."phone", c."source", c."status", c."customFields", c."createdAt", c."updatedAt", c."rowHash", pg_column_size(ROW(c."id", c."title", c."name", c."email", c."phone", c."source", c."status", c."customFields", c."createdAt", c."updatedAt")), i.first_seq,
       CASE WHEN i.last_seq = (SELECT max(n.seq) FROM "snapshot" n WHERE n."accountId" = i."accountId") THEN NULL ELSE i.last_seq + 1 END
FROM islands i JOIN copies c ON c."accountId" = i."accountId" AND c.id = i.id AND c.seq = i.first_seq;

-- Convert the full copies of crm_activity into versions: each run of consecutive
-- snapshots holding the same row (same fingerprint) becomes one version.
INSERT INTO "crm_activity_version" ("accountId", "id", "entityType", "entityId", "kind", "subject", "dueAt", "done", "createdAt", "updatedAt", "rowHash", "rowBytes", "validFrom", "validTo")
WITH copies AS (
  SELECT c.*, s.seq, s.seq - row_number() OVER (PARTITION BY c."accountId", c.id, c."rowHash" ORDER BY s.seq) AS island
  FROM "snap_crm_activity" c JOIN "snapshot" s ON s.id = c."snapshotId"
), islands AS (
  SELECT "accountId", id, "rowHash", min(seq) AS first_seq, max(seq) AS last_seq
  FROM copies GROUP BY "accountId", id, "rowHash", island
)
SELECT c."accountId", c."id", c."entityType", c."entityId", c."kind", c."subject", c."dueAt", c."done", c."createdAt", c."updatedAt", c."rowHash", pg_column_size(ROW(c."id", c."entityType", c."entityId", c."kind", c."subject", c."dueAt", c."done", c."createdAt", c."updatedAt")), i.first_seq,
       CASE WHEN i.last_seq = (SELECT max(n.seq) FROM "snapshot" n WHERE n."accountId" = i."accountId") THEN NULL ELSE i.last_seq + 1 END
FROM islands i JOIN copies c ON c."accountId" = i."accountId" AND c.id = i.id AND c.seq = i.first_seq;

-- Convert the full copies of crm_comment into versions: each run of consecutive
-- snapshots holding the same row (same fingerprint) becomes one version.
INSERT INTO "crm_comment_version" ("accountId", "id", "entityType", "entityId", "authorName", "body", "createdAt", "updatedAt", "rowHash", "rowBytes", "validFrom", "validTo")
WITH copies AS (
  SELECT c.*, s.seq, s.seq - row_number() OVER (PARTITION BY c."accountId", c.id, c."rowHash" ORDER BY s.seq) AS island
  FROM "snap_crm_comment" c JOIN "snapshot" s ON s.id = c."snapshotId"
), islands AS (
  SELECT "accountId", id, "rowHash", min(seq) AS first_seq, max(seq) AS last_seq
  FROM copies GROUP BY "accountId", id, "rowHash", island
)
SELECT c."accountId", c."id", c."entityType", c."entityId", c."authorName", c."body", c."createdAt", c."updatedAt", c."rowHash", pg_column_size(ROW(c."id", c."entityType", c."entityId", c."authorName", c."body", c."createdAt", c."updatedAt")), i.first_seq,
       CASE WHEN i.last_seq = (SELECT max(n.seq) FROM "snapshot" n WHERE n."accountId" = i."accountId") THEN NULL ELSE i.last_seq + 1 END
FROM islands i JOIN copies c ON c."accountId" = i."accountId" AND c.id = i.id AND c.seq = i.first_seq;

-- Convert the full copies of crm_history_entry into versions: each run of consecutive
-- snapshots holding the same row (same fingerprint) becomes one version.
INSERT INTO "crm_history_entry_version" ("accountId", "id", "entityType", "entityId", "action", "field", "oldValue", "newValue", "createdAt", "updatedAt", "rowHash", "rowBytes", "validFrom", "validTo")
WITH copies AS (
  SELECT c.*, s.seq, s.seq - row_number() OVER (PARTITION BY c."accountId", c.id, c."rowHash" ORDER BY s.seq) AS island
  FROM "snap_crm_history_entry" c JOIN "snapshot" s ON s.id = c."snapshotId"
), islands AS (
  SELECT "accountId", id, "rowHash", min(seq) AS first_seq, max(seq) AS last_seq
  FROM copies GROUP BY "accountId", id, "rowHash", island
)
SELECT c."accountId", c."id", c."entityType", c."entityId", c."action", c."field", c."oldValue", c."newValue", c."createdAt", c."updatedAt", c."rowHash", pg_column_size(ROW(c."id", c."entityType", c."entityId", c."action", c."field", c."oldValue", c."newValue", c."createdAt", c."updatedAt")), i.first_seq,
       CASE WHEN i.last_seq = (SELECT max(n.seq) FROM "snapshot" n WHERE n."accountId" = i."accountId") THEN NULL ELSE i.last_seq + 1 END
FROM islands i JOIN copies c ON c."accountId" = i."accountId" AND c.id = i.id AND c.seq = i.first_seq;

-- Convert the full copies of crm_task into versions: each run of consecutive
-- snapshots holding the same row (same fingerprint) becomes one version.
INSERT INTO "crm_task_version" ("accountId", "id", "title", "description", "status", "dueDate", "responsible", "createdAt", "updatedAt", "rowHash", "rowBytes", "validFrom", "validTo")
WITH copies AS (
  SELECT c.*, s.seq, s.seq - row_number() OVER (PARTITION BY c."accountId", c.id, c."rowHash" ORDER BY s.seq) AS island
  FROM "snap_crm_task" c JOIN "snapshot" s ON s.id = c."snapshotId"
), islands AS (
  SELECT "accountId", id, "rowHash", min(seq) AS first_seq, max(seq) AS last_seq
  FROM copies GROUP BY "accountId", id, "rowHash", island
)
SELECT c."accountId", c."id", c."title", c."description", c."status", c."dueDate", c."responsible", c."createdAt", c."updatedAt", c."rowHash", pg_column_size(ROW(c."id", c."title", c."description", c."status", c."dueDate", c."responsible", c."createdAt", c."updatedAt")), i.first_seq,
       CASE WHEN i.last_seq = (SELECT max(n.seq) FROM "snapshot" n WHERE n."accountId" = i."accountId") THEN NULL ELSE i.last_seq + 1 END
FROM islands i JOIN copies c ON c."accountId" = i."accountId" AND c.id = i.id AND c.seq = i.first_seq;

-- Convert the full copies of crm_product into versions: each run of consecutive
-- snapshots holding the same row (same fingerprint) becomes one version.
INSERT INTO "crm_product_version" ("accountId", "id", "name", "sku", "price", "currency", "active", "createdAt", "updatedAt", "rowHash", "rowBytes", "validFrom", "validTo")
WITH copies AS (
  SELECT c.*, s.seq, s.seq - row_number() OVER (PARTITION BY c."accountId", c.id, c."rowHash" ORDER BY s.seq) AS island
  FROM "snap_crm_product" c JOIN "snapshot" s ON s.id = c."snapshotId"
), islands AS (
  SELECT "accountId", id, "rowHash", min(seq) AS first_seq, max(seq) AS last_seq
  FROM copies GROUP BY "accountId", id, "rowHash", island
)
SELECT c."accountId", c."id", c."name", c."sku", c."price", c."currency", c."active", c."createdAt", c."updatedAt", c."rowHash", pg_column_size(ROW(c."id", c."name", c."sku", c."price", c."currency", c."active", c."createdAt", c."updatedAt")), i.first_seq,
       CASE WHEN i.last_seq = (SELECT max(n.seq) FROM "snapshot" n WHERE n."accountId" = i."accountId") THEN NULL ELSE i.last_seq + 1 END
FROM islands i JOIN copies c ON c."accountId" = i."accountId" AND c.id = i.id AND c.seq = i.first_seq;

-- Convert the full copies of crm_custom_field into versions: each run of consecutive
-- snapshots holding the same row (same fingerprint) becomes one version.
INSERT INTO "crm_custom_field_version" ("accountId", "id", "entityType", "code", "label", "fieldType", "createdAt", "updatedAt", "rowHash", "rowBytes", "validFrom", "validTo")
WITH copies AS (
  SELECT c.*, s.seq, s.seq - row_number() OVER (PARTITION BY c."accountId", c.id, c."rowHash" ORDER BY s.seq) AS island
  FROM "snap_crm_custom_field" c JOIN "snapshot" s ON s.id = c."snapshotId"
), islands AS (
  SELECT "accountId", id, "rowHash", min(seq) AS first_seq, max(seq) AS last_seq
  FROM copies GROUP BY "accountId", id, "rowHash", island
)
SELECT c."accountId", c."id", c."entityType", c."code", c."label", c."fieldType", c."createdAt", c."updatedAt", c."rowHash", pg_column_size(ROW(c."id", c."entityType", c."code", c."label", c."fieldType", c."createdAt", c."updatedAt")), i.first_seq,
       CASE WHEN i.last_seq = (SELECT max(n.seq) FROM "snapshot" n WHERE n."accountId" = i."accountId") THEN NULL ELSE i.last_seq + 1 END
FROM islands i JOIN copies c ON c."accountId" = i."accountId" AND c.id = i.id AND c.seq = i.first_seq;

-- DropTable
DROP TABLE "snap_crm_activity";

-- DropTable
DROP TABLE "snap_crm_comment";

-- DropTable
DROP TABLE "snap_crm_company";

-- DropTable
DROP TABLE "snap_crm_contact";

-- DropTable
DROP TABLE "snap_crm_custom_field";

-- DropTable
DROP TABLE "snap_crm_deal";

-- DropTable
DROP TABLE "snap_crm_history_entry";

-- DropTable
DROP TABLE "snap_crm_lead";

-- DropTable
DROP TABLE "snap_crm_product";

-- DropTable
DROP TABLE "snap_crm_task";
