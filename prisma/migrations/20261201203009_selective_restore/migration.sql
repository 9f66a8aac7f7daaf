-- AlterEnum
ALTER TYPE "RestoreMethod" ADD VALUE 'SELECTIVE';

-- AlterEnum
ALTER TYPE "RunKind" ADD VALUE 'SELECTIVE_RESTORE';

-- AlterTable
ALTER TABLE "restore_ticket" ADD COLUMN     "requestPreview" JSONB,
ADD COLUMN     "selection" JSONB;
