import { useTranslations } from "next-intl";
import type { LossAlertItem } from "@/lib/loss-alerts/loss-alert-view";
import { Alert } from "@/components/ui/alert";

/** On a ticket filed with "Review and restore": the loss the daily backup noticed, in the words the admin was told. */
export function TicketLossAlert({ alert }: { alert: LossAlertItem }) {
  const t = useTranslations("lossAlerts");
  return (
    <Alert tone="warning" title={t("ticketTitle")}>
      <p className="font-medium" data-testid="ticket-loss-alert">
        {alert.title}
      </p>
      <p>{alert.body}</p>
    </Alert>
  );
}
