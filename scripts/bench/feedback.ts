import autocannon from "autocannon";
import type { Db } from "@/lib/db/client";
import { loadFeedbackAnalytics } from "@/lib/help/feedback-analytics";
import { FEEDBACK_REASONS } from "@/lib/help/feedback-rules";
import { pacedLoad } from "./paced-load";
import { signIn } from "./page-render";
import { medianMs, ms } from "./stats";

const BENCH_SLUG = "bench-feedback";

/** An article with `count` votes over a year (set-based), for the analytics figure. Rebuilt when the count differs. */
async function ensureBenchVotes(db: Db, count: number) {
  let article = await db.helpArticle.findUnique({ where: { slug: BENCH_SLUG }, include: { revisions: true } });
  const existing = article ? await db.feedbackVote.count({ where: { articleId: article.id } }) : 0;
  if (article && existing >= count) return { articleId: article.id, revisionId: article.revisions.at(-1)!.id };
  if (!article) {
    article = await db.helpArticle.create({ data: { slug: BENCH_SLUG }, include: { revisions: true } });
    for (const number of [1, 2, 3]) {
      article.revisions.push(
        await db.helpArticleRevision.create({
          data: { articleId: article.id, number, titleEn: `Benchmark article r${number}`, titlePl: `Artykuł testowy w${number}`, bodyEn: "Benchmark body text.", bodyPl: "Treść testowa artykułu." },
        }),
      );
    }
  }
  console.log(`  seeding ${(count - existing).toLocaleString("en")} benchmark votes…`);
  await db.$executeRawUnsafe(
    `INSERT INTO feedback_vote (id, "articleId", "revisionId", "visitorId", helpful, reasons, comment, "ipHash", "accountId", locale, "createdAt", "updatedAt")
     SELECT gen_random_uuid(), $1::uuid, ($2::uuid[])[1 + i % 3], 'bench-' || i || '-' || $5, h.helpful,
            CASE WHEN h.helpful THEN '{}'::text[] ELSE ARRAY[($3::text[])[1 + i % 6]] END,
            CASE WHEN NOT h.helpful AND i % 17 = 0 THEN 'Benchmark comment ' || i END,
            md5('bench-ip-' || (i % 5000)), CASE WHEN NOT h.helpful AND i % 97 = 0 THEN (SELECT id FROM account ORDER BY id OFFSET (i % 10) LIMIT 1) END,
            CASE WHEN i % 3 = 0 THEN 'en' ELSE 'pl' END, now() - make_interval(secs => (i % 31536000)), now() - make_interval(secs => (i % 31536000))
     FROM generate_series(1, $4::int) i CROSS JOIN LATERAL (SELECT abs(hashtext(i::text)) % 100 < 65 AS helpful) h`,
    article.id,
    article.revisions.map((r) => r.id),
    [...FEEDBACK_REASONS],
    count - existing,
    Date.now(),
  );
  await db.$executeRawUnsafe(`VACUUM ANALYZE feedback_vote`);
  return { articleId: article.id, revisionId: article.revisions.at(-1)!.id };
}

/**
 * Issue 7's figures: the analytics page over 1,000,000 votes (server time),
 * and the vote endpoint under 50 concurrent clients with the rate limiter on
 * (addresses spread over 5,000 values).
 */
export async function benchFeedback(db: Db, base: string, votes: number) {
  console.log(`\n## Help feedback — ${votes.toLocaleString("en")} votes on one article`);
  const { revisionId } = await ensureBenchVotes(db, votes);

  const data = await medianMs(() => loadFeedbackAnalytics(db, { slug: BENCH_SLUG }), 9, 2);
  const cookie = await signIn(base, "lead@restoredesk.test", "demo-pass-2026");
  const page = await medianMs(async () => {
    const response = await fetch(`${base}/support/feedback?article=${BENCH_SLUG}`, { headers: { cookie } });
    if (response.status !== 200) throw new Error(`/support/feedback: HTTP ${response.status}`);
    await response.text();
  }, 9, 2);
  console.log(`  analytics queries (all figures of the page)  ${ms(data)} (target < 500 ms)`);
  console.log(`  /support/feedback full server response       ${ms(page)} (target < 500 ms)`);

  let address = 0;
  const hammer = (overallRate?: number, duration = Number(process.env.BENCH_VOTE_SECONDS ?? 10)) =>
    autocannon({
      url: `${base}/api/feedback`,
      connections: 50,
      duration,
      ...(overallRate ? { overallRate } : {}),
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      requests: [
        {
          setupRequest: (request) => ({
            ...request,
            headers: { ...request.headers, "x-forwarded-for": `10.0.${Math.floor((address % 5000) / 250)}.${address % 250}` },
            body: JSON.stringify(address++ % 3 ? { revisionId, helpful: "yes" } : { revisionId, helpful: "no", reasons: ["TOO_SHORT"], comment: "bench" }),
          }),
        },
      ],
    });
  const report = (label: string, r: autocannon.Result) =>
    console.log(`  ${label} ${Math.round(r.requests.average).toLocaleString("en")} votes/s; p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms; ${r.non2xx} non-2xx, ${r.errors} errors`);
  await hammer(undefined, 3); // warm-up: route compiled, JIT warm, pools full
  const paced = await pacedLoad({
    url: `${base}/api/feedback`,
    clients: 50,
    rate: 500,
    seconds: Number(process.env.BENCH_VOTE_SECONDS ?? 10),
    request: (i) => ({
      headers: { "content-type": "application/json", accept: "application/json", "x-forwarded-for": `10.1.${Math.floor((i % 5000) / 250)}.${i % 250}` },
      body: JSON.stringify(i % 3 ? { revisionId, helpful: "yes" } : { revisionId, helpful: "no", reasons: ["TOO_SHORT"], comment: "bench" }),
    }),
  });
  console.log(
    `  vote endpoint, 50 clients, steady 500/s    ${paced.ratePerSecond.toLocaleString("en")} votes/s; p50 ${paced.p50} ms, p99 ${paced.p99} ms, max ${paced.max} ms; ${paced.failed} failed of ${paced.sent} (target ≥ 500 votes/s at p99 < 50 ms; rate limiter on, 5,000 addresses)`,
  );
  report("vote endpoint, 50 clients flat out (autocannon)", await hammer());
}
