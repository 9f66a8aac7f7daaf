import "server-only";
import { prisma } from "@/lib/db/prisma";
import { findVote } from "@/lib/help/cast-vote";

/** This visitor's vote on the revision, so the widget starts where they left it. */
export function findVisitorVote({ revisionId, visitorId }: { revisionId: string; visitorId: string }) {
  return findVote(prisma, revisionId, visitorId);
}
