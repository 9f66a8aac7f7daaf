import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { requireActor, SUPPORT_ROLES } from "@/lib/auth/session";
import { getCannedReply } from "@/lib/canned-replies/get-canned-reply";
import { listCannedReplies } from "@/lib/canned-replies/list-canned-replies";
import { isLocale, LOCALE_NAMES } from "@/lib/i18n/locale";
import { pageTitle } from "@/lib/i18n/page-title";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader, PageHeader } from "@/components/ui/card";
import { Input } from "@/components/ui/field";
import { CannedReplyForm } from "@/app/(support)/support/canned-replies/_components/canned-reply-form";
import { DeleteCannedReplyButton } from "@/app/(support)/support/canned-replies/_components/delete-canned-reply-button";

export const generateMetadata = pageTitle("cannedReplies");

const PATH = "/support/canned-replies";

type Props = { searchParams: Promise<{ q?: string | string[]; edit?: string | string[] }> };

/** The replies support inserts on a ticket page, per language: search, write, edit, delete. */
export default async function CannedRepliesPage({ searchParams }: Props) {
  const actor = await requireActor(SUPPORT_ROLES, PATH);
  const params = await searchParams;
  const query = typeof params.q === "string" ? params.q.slice(0, 200) : "";
  const editId = typeof params.edit === "string" ? params.edit : null;
  const [list, editing, t, format] = await Promise.all([
    listCannedReplies({ query }),
    editId ? getCannedReply({ id: editId }) : null,
    getTranslations("cannedReplies"),
    getFormatter(),
  ]);
  const shown = list.groups.reduce((n, g) => n + g.replies.length, 0);
  const lastEdit = ({ updatedAt, updatedBy }: { updatedAt: string; updatedBy: string | null }) => {
    const date = format.dateTime(new Date(updatedAt), { dateStyle: "medium", timeStyle: "short" });
    // Seeded replies have no editor.
    return updatedBy ? t("editedBy", { name: updatedBy, date }) : t("edited", { date });
  };
  return (
    <div className="max-w-4xl space-y-6">
      <PageHeader title={t("title")} description={t("intro")} />

      <Card>
        <CardHeader
          title={editing ? t("editTitle", { title: editing.title }) : t("newTitle")}
          actions={
            editing && (
              <Link href={PATH} className="text-sm text-brand-700 hover:underline">
                {t("cancelEdit")}
              </Link>
            )
          }
        />
        <CardBody className="space-y-4">
          {editId && !editing && <Alert tone="warning">{t("editGone")}</Alert>}
          <CannedReplyForm key={editing?.id ?? "new"} reply={editing} defaultLocale={isLocale(actor.locale) ? actor.locale : "en"} />
        </CardBody>
      </Card>

      <form role="search" action={PATH} className="flex flex-wrap gap-2">
        <Input type="search" name="q" defaultValue={query} aria-label={t("searchLabel")} placeholder={t("searchPlaceholder")} className="min-w-0 flex-1 basis-56" />
        <Button type="submit" variant="secondary">
          {t("search")}
        </Button>
      </form>
      {query && (
        <p className="text-sm text-slate-600" role="status">
          {t("searchResult", { shown, total: list.total })}{" "}
          <Link href={PATH} className="text-brand-700 hover:underline">
            {t("clearSearch")}
          </Link>
        </p>
      )}

      {list.groups.map((group) => (
        <Card key={group.locale}>
          <CardHeader title={LOCALE_NAMES[group.locale]} description={t("count", { count: group.replies.length })} />
          {group.replies.length === 0 ? (
            <CardBody>
              <p className="text-sm text-slate-600">{query ? t("noMatches") : t("empty")}</p>
            </CardBody>
          ) : (
            <ul className="divide-y divide-slate-100" aria-label={LOCALE_NAMES[group.locale]} data-testid={`canned-replies-${group.locale}`}>
              {group.replies.map((reply) => (
                <li key={reply.id} className="flex flex-col gap-2 px-5 py-4 sm:flex-row sm:items-start sm:justify-between">
                  <div className="min-w-0 flex-1 text-sm">
                    <p className="font-medium break-words text-slate-900">{reply.title}</p>
                    <p className="mt-1 line-clamp-3 whitespace-pre-wrap break-words text-slate-700">{reply.body}</p>
                    <p className="mt-1 text-xs text-slate-500">{lastEdit(reply)}</p>
                  </div>
                  <div className="flex shrink-0 items-start gap-1">
                    <Link href={`${PATH}?edit=${reply.id}`} className="inline-flex h-8 items-center rounded-md px-3 text-sm font-medium text-brand-700 hover:bg-slate-100" aria-label={t("editNamed", { title: reply.title })}>
                      {t("edit")}
                    </Link>
                    <DeleteCannedReplyButton id={reply.id} title={reply.title} />
                  </div>
                </li>
              ))}
            </ul>
          )}
        </Card>
      ))}
    </div>
  );
}
