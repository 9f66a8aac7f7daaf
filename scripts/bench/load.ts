import autocannon from "autocannon";
import type { Db } from "@/lib/db/client";
import { pacedLoad, type PacedResult } from "./paced-load";
import { signIn } from "./page-render";
import { fullRestoreOfScaleAccount, scaleContext } from "./restore-run";

type Load = { label: string; run: () => Promise<autocannon.Result> };

function report(label: string, r: autocannon.Result) {
  const errors = r.errors + r.non2xx;
  console.log(`  ${label.padEnd(44)} ${Math.round(r.requests.average).toLocaleString("en").padStart(6)} req/s; p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms; ${errors} errors`);
  return r;
}

/**
 * Issue 8's load figures on the production build: the support ticket list at
 * 50 concurrent users, the help page and the vote endpoint at 100 — first on
 * their own, then while a full restore of the 2.56 M-row scale account runs.
 */
export async function benchLoad(db: Db, url: string, base: string, crmRows: number) {
  console.log(`\n## Load — production build on loopback (${Number(process.env.BENCH_LOAD_SECONDS ?? 8)} s each)`);
  const cookie = await signIn(base, "support@restoredesk.test", "demo-pass-2026");
  const revision = await db.helpArticleRevision.findFirstOrThrow({ where: { article: { slug: "data-backup" } }, orderBy: { number: "desc" } });
  const duration = Number(process.env.BENCH_LOAD_SECONDS ?? 8);
  let address = 0;
  const loads: Load[] = [
    { label: "ticket list, 50 users", run: () => autocannon({ url: `${base}/support/tickets`, connections: 50, duration, headers: { cookie } }) },
    { label: "help page, 100 users", run: () => autocannon({ url: `${base}/help/data-backup`, connections: 100, duration }) },
    {
      label: "vote endpoint, 100 users",
      run: () =>
        autocannon({
          url: `${base}/api/feedback`,
          connections: 100,
          duration,
          method: "POST",
          headers: { "content-type": "application/json", accept: "application/json" },
          requests: [
            {
              setupRequest: (request) => ({
                ...request,
                headers: { ...request.headers, "x-forwarded-for": `10.2.${Math.floor((address % 5000) / 250)}.${address++ % 250}` },
                body: JSON.stringify({ revisionId: revision.id, helpful: "yes" }),
              }),
            },
          ],
        }),
    },
  ];
  await autocannon({ url: `${base}/support/tickets`, connections: 10, duration: 2, headers: { cookie } }); // warm-up
  // 50 support agents working: each opens the queue every 2 seconds (25 pages/s), as people do.
  const agents = () => pacedLoad({ url: `${base}/support/tickets`, clients: 50, rate: 25, seconds: duration, request: () => ({ headers: { cookie } }) });
  const paced = (label: string, r: PacedResult) =>
    console.log(`  ${label.padEnd(44)} ${r.ratePerSecond.toLocaleString("en").padStart(6)} req/s; p50 ${r.p50} ms, p99 ${r.p99} ms; ${r.failed} errors`);
  paced("ticket list, 50 agents, a page every 2 s", await agents());
  for (const load of loads) report(`${load.label}, flat out`, await load.run());

  console.log(`  … while a full restore of the scale account runs:`);
  const ctx = await scaleContext(db, url, crmRows);
  let restoreMs = 0;
  const restoring = fullRestoreOfScaleAccount(ctx, crmRows).then((ms) => (restoreMs = ms));
  // Give the restore a moment to be inside its transaction (safety copy under way).
  await new Promise((r) => setTimeout(r, 3000));
  const duringRestore = await agents();
  paced("ticket list, 50 agents (restore running)", duringRestore);
  for (const load of loads) report(`${load.label}, flat out (restore running)`, await load.run());
  await restoring;
  console.log(`  the restore took ${(restoreMs / 1000).toFixed(1)} s; ticket list p99 for 50 agents during it: ${duringRestore.p99} ms (target < 500 ms)`);
}
