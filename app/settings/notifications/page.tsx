import { getTranslations } from "next-intl/server";
import { requireActor, SIGNED_IN_ROLES } from "@/lib/auth/session";
import { getEmailPreferences } from "@/lib/notifications/get-email-preferences";
import { EmailPreferencesForm } from "@/app/settings/notifications/_components/email-preferences-form";
import { Card, CardBody, PageHeader } from "@/components/ui/card";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle("emailPreferences");

/** Linked from every email: which kinds of notification also arrive by email. */
export default async function EmailPreferencesPage() {
  const actor = await requireActor(SIGNED_IN_ROLES, "/settings/notifications");
  const [t, preferences] = await Promise.all([getTranslations("notifications"), getEmailPreferences({ userId: actor.id, role: actor.role })]);
  return (
    <div className="max-w-2xl">
      <PageHeader title={t("preferences.title")} description={t("preferences.intro", { email: actor.email })} />
      <Card>
        <CardBody>
          <EmailPreferencesForm preferences={preferences} />
        </CardBody>
      </Card>
    </div>
  );
}
