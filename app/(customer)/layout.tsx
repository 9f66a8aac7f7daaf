import { notFound } from "next/navigation";
import { CUSTOMER_ROLES, getActor } from "@/lib/auth/session";

/** See the support layout: the role is settled before any page streams. */
export default async function CustomerLayout({ children }: { children: React.ReactNode }) {
  const actor = await getActor();
  if (actor && !(CUSTOMER_ROLES as readonly string[]).includes(actor.role)) notFound();
  return children;
}
