import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Db } from "@/lib/db/client";
import { ACCOUNT_TABLE_KEYS } from "@/lib/account-data/tables";
import { searchBackup } from "@/lib/backups/search-backup";
import { listRequestChangeRecords } from "@/lib/selective-restore/list-request-change-records";
import { previewRestoreRequest } from "@/lib/selective-restore/preview-restore-request";
import type { Selection } from "@/lib/selective-restore/selection";
import { applyDailyChurn } from "@/lib/seed/account-history";
import { scaleCounts } from "@/lib/seed/seed-demo";
import { dateInTimeZone } from "@/lib/tickets/eligibility";
import { dropLatestSnapshot, runThroughApp, scaleContext } from "./restore-run";
import { medianMs, ms, ratio } from "./stats";

const CONTACTS: Selection = { scope: "TYPES", types: ["contact"], withRelated: true, mode: "MISSING" };
const PRODUCTS: Selection = { scope: "TYPES", types: ["product"], withRelated: false, mode: "EXACT" };
/** Name prefixes people type: common first and last names of the scale account, an email, a SKU. */
const PREFIXES = ["Anna", "Kowal", "Nowak", "Piotr", "Wiś", "Zieli", "contact12", "SKU-0004", "Abonament", "Ewa"];

/**
 * Issue 15's figures on the 2.56 M-row scale account: the requester's
 * preview (full and selective) and a page of its record list, a name search
 * in a backup, and a selective restore of one data type next to a full
 * restore of the same account, each after a day of drift.
 */
export async function benchSelectiveRestore(db: Db, url: string, crmRows: number) {
  console.log(`\n## Selective restore and the backup browser — scale account`);
  const ctx = await scaleContext(db, url, crmRows);
  const snapshot = await db.snapshot.findUniqueOrThrow({ where: { id: ctx.snapshotId }, include: { account: true } });
  const restoreDate = dateInTimeZone(snapshot.takenAt, snapshot.account.timeZone);
  const storageRoot = mkdtempSync(path.join(tmpdir(), "rd-bench-"));
  try {
    // Each measured part starts from the same state: the account as its backup (a full restore,
    // untimed, taken back), then one day of drift. One untimed preview warms the cache.
    const counts = scaleCounts(crmRows);
    const next = Object.fromEntries(ACCOUNT_TABLE_KEYS.map((k) => [k, counts[k] * 2])) as typeof counts;
    const reset = async () => {
      const run = await runThroughApp({ ...ctx, storageRoot }, "FULL");
      await dropLatestSnapshot(db, run.run.safetySnapshotId!);
    };
    const drift = () => applyDailyChurn(db, ctx.accountId, { ...next }, [new Date(Date.now() - 3_600_000), new Date()], `bench-selective-${Date.now()}`);
    await reset();
    await drift();
    await previewRestoreRequest({ db, accountId: ctx.accountId, input: { method: "FULL", restoreDate } });
    for (const [label, input] of [
      ["full restore", { method: "FULL" as const, restoreDate }],
      ["selective: contacts with their activities, comments, history", { method: "SELECTIVE" as const, restoreDate, selection: CONTACTS }],
      ["selective: products, exactly as in the backup", { method: "SELECTIVE" as const, restoreDate, selection: PRODUCTS }],
    ] as const) {
      const started = performance.now();
      const view = await previewRestoreRequest({ db, accountId: ctx.accountId, input });
      const elapsed = performance.now() - started;
      const changed = view.tables.reduce((n, t) => n + t.delete + t.bringBack + t.revert, 0);
      console.log(`  requester's preview, ${label}: ${ms(elapsed)} (${changed.toLocaleString("en")} records would change; target ≤ 3 s)`);
    }
    const page = (bucket: "bringBack" | "revert", query: string) => () =>
      listRequestChangeRecords({ db, accountId: ctx.accountId, input: { method: "SELECTIVE", restoreDate, selection: CONTACTS, table: "contact", bucket, query, page: 2 } });
    console.log(`  a page of the preview's record list (contacts brought back, page 2): median ${ms(await medianMs(page("bringBack", ""), 9, 2))} (target ≤ 300 ms)`);
    console.log(`  … searched by name ("Anna"): median ${ms(await medianMs(page("bringBack", "Anna"), 9, 2))}`);

    const search = async (query: string) => searchBackup({ db, accountId: ctx.accountId, seq: snapshot.seq, input: { query, status: "ALL", page: 1 } });
    for (const query of PREFIXES.slice(0, 2)) await search(query); // warm-up
    const times: number[] = [];
    for (const query of PREFIXES) {
      const started = performance.now();
      await search(query);
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    console.log(`  search this backup by a name (any part; trigram index), ${PREFIXES.length} prefixes: median ${ms(times[Math.floor(times.length / 2)])}, slowest ${ms(times.at(-1)!)} (target ≤ 300 ms median)`);
    const deleted = await medianMs(() => searchBackup({ db, accountId: ctx.accountId, seq: snapshot.seq, input: { query: "", type: "contact", status: "DELETED", page: 1 } }), 5, 1);
    console.log(`  … contacts deleted since the backup, first page: median ${ms(deleted)}`);

    // Runs: each from one day of drift away from the backup (the full restore from the drift the previews saw).
    const timed = async (method: "FULL" | "SELECTIVE", selection?: Selection) => {
      const { run, elapsed } = await runThroughApp({ ...ctx, storageRoot }, method, selection);
      // The safety snapshot's own time: until its phase was recorded (the run's first timeline entry).
      const safetyDone = await db.ticketEvent.findFirstOrThrow({ where: { kind: "RUN_PROGRESS", ticketId: run.ticketId, data: { path: ["phase"], equals: "SAFETY_SNAPSHOT" } }, orderBy: { createdAt: "desc" } });
      await dropLatestSnapshot(db, run.safetySnapshotId!);
      return { elapsed, safety: safetyDone.createdAt.getTime() - run.startedAt.getTime(), figures: run.figures as { inserted: number; deleted: number } };
    };
    const full = await timed("FULL");
    await drift();
    const contacts = await timed("SELECTIVE", CONTACTS);
    await reset();
    await drift();
    const products = await timed("SELECTIVE", PRODUCTS);
    // Leave the account as its backup for the next benchmark.
    await reset();
    const parts = (run: { elapsed: number; safety: number }) => `of which the safety snapshot ${ms(run.safety).trim()}, the rest ${ms(run.elapsed - run.safety).trim()}`;
    console.log(`  full restore (app runner)                 ${ms(full.elapsed)} — the reference (${parts(full)})`);
    console.log(
      `  selective restore, contacts + their activities, comments, history (bring back deleted) ${ms(contacts.elapsed)}, ${contacts.figures.inserted.toLocaleString("en")} rows written; ratio ${ratio(contacts.elapsed, full.elapsed)} (target ≤ 0.3×) — ${parts(contacts)}`,
    );
    console.log(
      `  selective restore, products (exactly as in the backup) ${ms(products.elapsed)}, ${(products.figures.inserted + products.figures.deleted).toLocaleString("en")} rows written or removed; ratio ${ratio(products.elapsed, full.elapsed)} — ${parts(products)}`,
    );
  } finally {
    rmSync(storageRoot, { recursive: true, force: true });
  }
}
