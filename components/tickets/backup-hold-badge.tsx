import { useTranslations } from "next-intl";
import { backupHold } from "@/lib/tickets/backup-hold";
import { Badge } from "@/components/ui/badge";

/** "backup held — 2 days left": how long the ticket's backup will still exist. */
export function BackupHoldBadge({ backupExpiresAt, open, now }: { backupExpiresAt: string | null; open: boolean; now: string }) {
  const t = useTranslations("queue.hold");
  const hold = backupHold({ backupExpiresAt: backupExpiresAt ? new Date(backupExpiresAt) : null, open, now: new Date(now) });
  switch (hold.state) {
    case "closed":
      return <span className="text-slate-400">—</span>;
    case "unknown":
      return <Badge tone="muted">{t("unknown")}</Badge>;
    case "expired":
      return <Badge tone="danger">{t("expired")}</Badge>;
    case "held":
      return <Badge tone={hold.daysLeft < 2 ? "danger" : "warning"}>{t("held", { days: hold.daysLeft, hours: hold.hoursLeft })}</Badge>;
    case "kept":
      return <Badge tone={hold.daysLeft < 2 ? "warning" : "neutral"}>{t("kept", { days: hold.daysLeft, hours: hold.hoursLeft })}</Badge>;
  }
}
