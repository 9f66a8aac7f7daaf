import { PageHeader } from "@/components/ui/card";
import { MemberNotice } from "@/components/recovery/member-notice";

/** A data-recovery page as a member sees it: its title, and why only the account admin may act here. */
export function MemberPage({ title, account }: { title: string; account: { name: string; owner: { name: string; email: string } | null } }) {
  return (
    <div className="max-w-3xl">
      <PageHeader title={title} description={account.name} />
      <MemberNotice owner={account.owner} />
    </div>
  );
}
