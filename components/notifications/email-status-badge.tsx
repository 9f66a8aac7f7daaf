import { useTranslations } from "next-intl";
import type { EmailStatus } from "@/lib/generated/prisma/enums";
import { Badge, type BadgeTone } from "@/components/ui/badge";

const TONES: Record<EmailStatus, BadgeTone> = { PENDING: "warning", SENT: "success", KEPT: "info", FAILED: "danger", UNDELIVERABLE: "muted" };

export function EmailStatusBadge({ status }: { status: EmailStatus }) {
  const t = useTranslations("notifications.outbox.statuses");
  return <Badge tone={TONES[status]}>{t(status)}</Badge>;
}
