import { useTranslations } from "next-intl";
import type { TicketStatus } from "@/lib/generated/prisma/enums";
import { Badge, type BadgeTone } from "@/components/ui/badge";

const TONES: Record<TicketStatus, BadgeTone> = {
  SUBMITTED: "info",
  IN_REVIEW: "brand",
  NEEDS_INFO: "warning",
  APPROVED: "success",
  RUNNING: "brand",
  COMPLETED: "success",
  FAILED: "danger",
  REJECTED: "muted",
  CANCELLED: "muted",
  UNDONE: "warning",
};

export function TicketStatusBadge({ status }: { status: TicketStatus }) {
  const t = useTranslations("status");
  return <Badge tone={TONES[status]}>{t(status)}</Badge>;
}
