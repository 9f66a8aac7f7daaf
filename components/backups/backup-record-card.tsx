import { getTranslations } from "next-intl/server";
import type { BackupRecordView } from "@/lib/backups/get-backup-record";
import { Card, CardBody } from "@/components/ui/card";
import { BackupRecordStatusBadge } from "@/components/backups/backup-browser";
import { FieldTable } from "@/components/backups/field-table";

/** One record of a backup: its status now, in words, and its fields beside today's. */
export async function BackupRecordCard({ record }: { record: BackupRecordView }) {
  const t = await getTranslations("backups.record");
  return (
    <Card>
      <CardBody className="space-y-4">
        <p className="flex flex-wrap items-center gap-2 text-sm text-slate-700">
          <BackupRecordStatusBadge status={record.status} /> {t(`explain.${record.status}`)}
        </p>
        <FieldTable rows={record.fields} gone={record.status === "DELETED"} />
      </CardBody>
    </Card>
  );
}
