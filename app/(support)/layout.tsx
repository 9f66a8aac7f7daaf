import { notFound } from "next/navigation";
import { getActor, SUPPORT_ROLES } from "@/lib/auth/session";

/**
 * Settled before any page streams, so a customer gets a real 404 status.
 * Signed-out visitors pass on to the page, which sends them to sign-in and
 * back. Every page and action still checks on its own.
 */
export default async function SupportLayout({ children }: { children: React.ReactNode }) {
  const actor = await getActor();
  if (actor && !(SUPPORT_ROLES as readonly string[]).includes(actor.role)) notFound();
  return children;
}
