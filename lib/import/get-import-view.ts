import "server-only";
import { prisma } from "@/lib/db/prisma";
import { quoteIdent } from "@/lib/account-data/tables";
import { isUuid } from "@/lib/format/uuid";
import { IMPORT_ORDER, importTable, type ImportPreview } from "@/lib/import/import-figures";

/**
 * One import of the account, and — once applied — which of the file's first
 * records are in the CRM now (read back: they are there for everyone). Null
 * for an id that is no import of this account.
 */
export async function getImportView({ id, accountId }: { id: string; accountId: string }) {
  const draft = isUuid(id) ? await prisma.csvImport.findFirst({ where: { id, accountId } }) : null;
  if (!draft) return null;
  const preview = draft.preview as ImportPreview | null;
  const presentNow =
    draft.status === "APPLIED" && preview?.sample.length
      ? await Promise.all(
          IMPORT_ORDER.map((type) =>
            prisma.$queryRawUnsafe<{ id: string }[]>(
              `SELECT id::text FROM ${quoteIdent(importTable(type).table)} WHERE "accountId" = $1::uuid AND id = ANY($2::uuid[])`,
              accountId,
              preview.sample.filter((s) => s.type === type).map((s) => s.id),
            ),
          ),
        ).then((found) => new Set(found.flat().map((r) => r.id)))
      : new Set<string>();
  return { draft, preview, presentNow };
}
