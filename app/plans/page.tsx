import { getTranslations } from "next-intl/server";
import { listPlans } from "@/lib/accounts/list-plans";
import { Badge } from "@/components/ui/badge";
import { Card, PageHeader } from "@/components/ui/card";
import { Table, Td, Th, Tr } from "@/components/ui/table";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle("plans");

/** Which plans include restores from backup (linked from the eligibility check). */
export default async function PlansPage() {
  const t = await getTranslations("plans");
  const plans = await listPlans();
  return (
    <div className="max-w-2xl">
      <PageHeader title={t("title")} description={t("intro")} />
      <Card>
        <Table>
          <thead>
            <tr>
              <Th>{t("plan")}</Th>
              <Th>{t("restore")}</Th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {plans.map((plan) => (
              <Tr key={plan.id}>
                <Td className="font-medium">{plan.name}</Td>
                <Td>{plan.restoreAvailable ? <Badge tone="success">{t("included")}</Badge> : <Badge tone="muted">{t("notIncluded")}</Badge>}</Td>
              </Tr>
            ))}
          </tbody>
        </Table>
      </Card>
    </div>
  );
}
