/** The app's public address, for links in emails: APP_URL, else NEXTAUTH_URL (set by `npm start`). */
export function appBaseUrl(env: Partial<Record<string, string>> = process.env): string {
  return (env.APP_URL || env.NEXTAUTH_URL || "http://localhost:3000").replace(/\/+$/, "");
}
