import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getActor } from "@/lib/auth/session";
import { homePathFor } from "@/lib/auth/roles";
import { safeRedirectPath } from "@/lib/auth/safe-redirect";
import { LoginForm } from "@/components/auth/login-form";
import { signInAction } from "./actions";
import { Card, CardBody } from "@/components/ui/card";
import { pageTitle } from "@/lib/i18n/page-title";

export const generateMetadata = pageTitle("signIn");

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string | string[] }> }) {
  const actor = await getActor();
  const { callbackUrl } = await searchParams;
  if (actor) redirect(homePathFor(actor.role));
  const t = await getTranslations("login");
  return (
    <div className="mx-auto max-w-sm py-8">
      <h1 className="text-center text-2xl font-semibold tracking-tight">{t("title")}</h1>
      <p className="mt-1 text-center text-sm text-slate-600">{t("subtitle")}</p>
      <Card className="mt-6">
        <CardBody className="py-6">
          <LoginForm callbackUrl={safeRedirectPath(typeof callbackUrl === "string" ? callbackUrl : null)} action={signInAction} />
        </CardBody>
      </Card>
    </div>
  );
}
