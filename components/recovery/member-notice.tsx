import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { Card, CardBody, CardHeader } from "@/components/ui/card";

/** What a member sees where only the account admin may act: why, and whom to ask. */
export async function MemberNotice({ owner }: { owner: { name: string; email: string } | null }) {
  const t = await getTranslations("recovery");
  return (
    <Card>
      <CardHeader title={t("member.title")} />
      <CardBody className="space-y-3 text-sm text-slate-700">
        <p>{t("member.why")}</p>
        <Alert tone="info" title={t("member.adminIs", { name: owner?.name ?? "—" })}>
          <p>{t("member.contact", { email: owner?.email ?? "—" })}</p>
        </Alert>
        <p>{t("member.affectsAll")}</p>
      </CardBody>
    </Card>
  );
}
