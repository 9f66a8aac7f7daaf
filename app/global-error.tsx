"use client";

import "./globals.css";

/**
 * When even the page frame cannot be built (the database is unreachable, so
 * nobody's session can be read): a plain, honest page in both languages,
 * without anything that needs the server.
 */
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body className="min-h-screen bg-slate-50 text-slate-900">
        <main className="mx-auto max-w-lg px-6 py-20 text-center">
          <p className="text-sm font-semibold text-brand-600">Restore Desk</p>
          <h1 className="mt-2 text-2xl font-semibold">Restore Desk is temporarily unavailable</h1>
          <p className="mt-2 text-sm text-slate-600">Nothing was changed. Please try again in a moment.</p>
          <p className="mt-6 text-lg font-semibold" lang="pl">
            Restore Desk jest chwilowo niedostępny
          </p>
          <p className="mt-1 text-sm text-slate-600" lang="pl">
            Nic nie zostało zmienione. Spróbuj ponownie za chwilę.
          </p>
          <button onClick={reset} className="mt-8 rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">
            Try again · Spróbuj ponownie
          </button>
        </main>
      </body>
    </html>
  );
}
