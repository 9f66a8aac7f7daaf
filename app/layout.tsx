import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale } from "next-intl/server";
import { getActor } from "@/lib/auth/session";
import { getAccountRestoreNotice } from "@/lib/restore/run-view";
import { AppHeader } from "@/app/_components/app-header";
import { AccountRestoreBanner } from "@/components/restore/account-restore-banner";
import { ToastProvider } from "@/components/ui/toast";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Restore Desk", template: "%s · Restore Desk" },
  description: "Data-restore requests for your CRM account",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const [locale, actor] = await Promise.all([getLocale(), getActor()]);
  const restoreNotice = actor?.accountId ? await getAccountRestoreNotice({ accountId: actor.accountId }) : null;
  return (
    <html lang={locale}>
      <body className="min-h-screen">
        <NextIntlClientProvider>
          <ToastProvider>
            <AppHeader actor={actor} />
            <main className="mx-auto max-w-7xl px-4 py-8 sm:px-6">
              {restoreNotice && <AccountRestoreBanner notice={restoreNotice} />}
              {children}
            </main>
          </ToastProvider>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
