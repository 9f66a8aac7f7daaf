import { describe, expect, it } from "vitest";
import { castVote } from "@/lib/help/cast-vote";
import { saveArticleRevision } from "@/lib/help/save-article-revision";
import { loadFeedbackAnalytics } from "@/lib/help/feedback-analytics";
import { FEEDBACK_REASONS, VOTE_RATE_LIMIT, ZVoteInput } from "@/lib/help/feedback-rules";
import { createStaff, createTestAccount } from "@/lib/testing/fixtures";
import { useTestDatabase } from "@/lib/testing/test-db";
import { createTicketInState } from "@/lib/testing/ticket-fixtures";

const t = useTestDatabase();
let n = 0;

async function article() {
  const slug = `article-${++n}`;
  const created = await t.db.helpArticle.create({ data: { slug } });
  const revision = await t.db.helpArticleRevision.create({ data: { articleId: created.id, number: 1, titleEn: "Title", titlePl: "Tytuł", bodyEn: "Body text long enough", bodyPl: "Treść wystarczająco długa" } });
  return { slug, article: created, revision };
}

const vote = (revisionId: string, input: Record<string, unknown>, o: { visitor?: string; ip?: string; accountId?: string | null; now?: Date } = {}) =>
  castVote({ db: t.db, input: ZVoteInput.parse({ revisionId, ...input }), visitorId: o.visitor ?? "visitor-1", ipHash: o.ip ?? `ip-${n}`, accountId: o.accountId ?? null, locale: "en", now: o.now });

describe("votes", () => {
  it("one vote per visitor per revision: voting again changes it", async () => {
    const { revision } = await article();
    await vote(revision.id, { helpful: "no", reasons: ["TOO_SHORT", "OUT_OF_DATE"], comment: "<script>alert(1)</script>" });
    await vote(revision.id, { helpful: "yes" });
    const votes = await t.db.feedbackVote.findMany({ where: { revisionId: revision.id } });
    expect(votes).toHaveLength(1);
    expect(votes[0]).toMatchObject({ helpful: true, reasons: [], comment: null });
    await vote(revision.id, { helpful: "no", reasons: ["TOO_SHORT"], comment: "<script>alert(1)</script>" }, { visitor: "visitor-2" });
    const stored = await t.db.feedbackVote.findFirstOrThrow({ where: { visitorId: "visitor-2" } });
    expect(stored.comment).toBe("<script>alert(1)</script>"); // stored as text; pages escape it
  });

  it("votes belong to the revision they were cast on; a new revision starts afresh", async () => {
    const { slug, revision } = await article();
    const staff = await createStaff(t.db);
    await vote(revision.id, { helpful: "no", reasons: ["OUT_OF_DATE"] });
    const second = await saveArticleRevision({ db: t.db, authorId: staff.user.id, input: { slug, baseRevision: 1, titleEn: "New title", titlePl: "Nowy tytuł", bodyEn: "A better body text here", bodyPl: "Lepsza treść artykułu tutaj" } });
    expect(second.number).toBe(2);
    await vote(second.id, { helpful: "yes" });
    const byRevision = await t.db.feedbackVote.groupBy({ by: ["revisionId"], where: { articleId: revision.articleId }, _count: true });
    expect(byRevision).toHaveLength(2);
    // Saving from an old revision is refused, not silently overwritten.
    await expect(saveArticleRevision({ db: t.db, authorId: staff.user.id, input: { slug, baseRevision: 1, titleEn: "Stale", titlePl: "Stare", bodyEn: "Stale body text, long enough", bodyPl: "Stara treść, wystarczająco długa" } })).rejects.toMatchObject({ message: "ARTICLE_CHANGED" });
  });

  it("refuses a revision that does not exist, storing nothing", async () => {
    await expect(vote("00000000-0000-4000-8000-000000000000", { helpful: "yes" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await t.db.feedbackVote.count({ where: { revisionId: "00000000-0000-4000-8000-000000000000" } })).toBe(0);
  });

  it(`rate-limits an address at ${VOTE_RATE_LIMIT.limit} votes per window and says so; other addresses are unaffected`, async () => {
    const { revision } = await article();
    const now = new Date();
    for (let i = 0; i < VOTE_RATE_LIMIT.limit; i++) await vote(revision.id, { helpful: "yes" }, { visitor: `v${i}`, ip: "busy", now });
    await expect(vote(revision.id, { helpful: "yes" }, { visitor: "one-too-many", ip: "busy", now })).rejects.toMatchObject({ code: "RATE_LIMITED", message: "FEEDBACK_RATE_LIMITED" });
    expect(await t.db.feedbackVote.count({ where: { visitorId: "one-too-many" } })).toBe(0);
    await expect(vote(revision.id, { helpful: "yes" }, { visitor: "elsewhere", ip: "quiet", now })).resolves.toBeTruthy();
    // The window passes: the address may vote again.
    await expect(vote(revision.id, { helpful: "yes" }, { visitor: "later", ip: "busy", now: new Date(now.getTime() + VOTE_RATE_LIMIT.windowSeconds * 1000 + 1) })).resolves.toBeTruthy();
  });
});

describe("feedback analytics", () => {
  it("counts per revision with Wilson intervals, reasons, and No votes followed by a request within 24 hours", async () => {
    const { slug, revision } = await article();
    const acme = await createTestAccount(t.db, { snapshotDaysAgo: [0] });
    const globex = await createTestAccount(t.db, { snapshotDaysAgo: [0] });
    const now = new Date();
    const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000);
    for (let i = 0; i < 3; i++) await vote(revision.id, { helpful: "yes" }, { visitor: `y${i}` });
    await vote(revision.id, { helpful: "no", reasons: ["TOO_SHORT", "OUT_OF_DATE"], comment: "more please" }, { visitor: "n1", accountId: acme.account.id, now: hoursAgo(30) });
    await vote(revision.id, { helpful: "no", reasons: ["TOO_SHORT"] }, { visitor: "n2", accountId: globex.account.id, now: hoursAgo(30) });
    // Acme files a request 10 hours after its No; Globex 29 hours after (too late to count).
    const acmeTicket = await createTicketInState(t.db, { accountId: acme.account.id, requesterId: acme.admin.id, snapshotId: null, status: "SUBMITTED" });
    await t.db.restoreTicket.update({ where: { id: acmeTicket.id }, data: { createdAt: hoursAgo(20) } });
    const globexTicket = await createTicketInState(t.db, { accountId: globex.account.id, requesterId: globex.admin.id, snapshotId: null, status: "SUBMITTED" });
    await t.db.restoreTicket.update({ where: { id: globexTicket.id }, data: { createdAt: hoursAgo(1) } });

    const data = (await loadFeedbackAnalytics(t.db, { slug }))!;
    expect(data.total).toMatchObject({ yes: 3, no: 2 });
    expect(data.total.wilson!.low).toBeCloseTo(0.2307, 3);
    expect(data.total.wilson!.high).toBeCloseTo(0.8824, 3);
    expect(data.reasons.find((r) => r.reason === "TOO_SHORT")!.count).toBe(2);
    expect(data.reasons.find((r) => r.reason === "OUT_OF_DATE")!.count).toBe(1);
    expect(data.reasons.find((r) => r.reason === "DISLIKE_THE_TOOL")!.count).toBe(0);
    expect(data.noThenRequest).toEqual({ votes: 2, followed: 1 });
    expect(data.comments.map((c) => c.comment)).toEqual(["more please"]);
    expect(data.trend.reduce((s, w) => s + w.yes + w.no, 0)).toBe(5);
  });

  it("the daily rollup the analytics read always equals the votes themselves — after inserts, changed votes, deletes and a bulk insert", async () => {
    const { slug, revision } = await article();
    for (let i = 0; i < 12; i++) {
      const reasons = [FEEDBACK_REASONS[i % 6], ...(i % 4 === 0 ? [FEEDBACK_REASONS[(i + 2) % 6]] : [])];
      await vote(revision.id, i % 3 ? { helpful: "no", reasons } : { helpful: "yes" }, { visitor: `r${i}`, now: new Date(Date.now() - i * 86_400_000) });
    }
    await vote(revision.id, { helpful: "yes" }, { visitor: "r1" }); // No → Yes
    await vote(revision.id, { helpful: "no", reasons: ["DISLIKE_THE_TOOL"] }, { visitor: "r0" }); // Yes → No
    await t.db.feedbackVote.deleteMany({ where: { visitorId: "r2" } });
    await t.db.$executeRaw`INSERT INTO feedback_vote (id, "articleId", "revisionId", "visitorId", helpful, reasons, "ipHash", locale, "createdAt", "updatedAt")
      SELECT gen_random_uuid(), ${revision.articleId}::uuid, ${revision.id}::uuid, 'bulk-' || i, i % 2 = 0, CASE WHEN i % 2 = 0 THEN '{}'::text[] ELSE ARRAY['OUT_OF_DATE', 'TOO_SHORT'] END, 'x', 'en', now() - make_interval(days => i % 9), now()
      FROM generate_series(1, 500) i`;

    const data = (await loadFeedbackAnalytics(t.db, { slug }))!;
    const votes = await t.db.feedbackVote.findMany({ where: { revisionId: revision.id } });
    expect(data.total.yes).toBe(votes.filter((v) => v.helpful).length);
    expect(data.total.no).toBe(votes.filter((v) => !v.helpful).length);
    for (const reason of FEEDBACK_REASONS) {
      expect(data.reasons.find((r) => r.reason === reason)!.count, reason).toBe(votes.filter((v) => !v.helpful && v.reasons.includes(reason)).length);
    }
    const weeks = new Map<string, number>();
    for (const v of votes) {
      const d = new Date(Date.UTC(v.createdAt.getUTCFullYear(), v.createdAt.getUTCMonth(), v.createdAt.getUTCDate()));
      d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7)); // ISO week starts Monday, like date_trunc('week')
      weeks.set(d.toISOString().slice(0, 10), (weeks.get(d.toISOString().slice(0, 10)) ?? 0) + 1);
    }
    expect(Object.fromEntries(data.trend.map((w) => [w.week, w.yes + w.no]))).toEqual(Object.fromEntries(weeks));
  });
});
