import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { IMPORT_ORDER } from "@/lib/import/import-figures";
import { stageImport } from "@/lib/import/stage-import";
import { takeSnapshot } from "@/lib/snapshots/take-snapshot";
import { createTestAccount } from "@/lib/testing/fixtures";
import { spawnScript } from "@/lib/testing/child-script";
import { exportSnapshotToFile } from "@/lib/testing/csv-files";
import { useTestDatabase } from "@/lib/testing/test-db";
import { dumpLiveAccount } from "@/lib/testing/ticket-fixtures";

const t = useTestDatabase();
const KILLS = Number(process.env.FAULT_KILLS ?? 50);
const COUNTS = { company: 1500, contact: 5000, deal: 2500, lead: 2000, activity: 10, comment: 10, history: 10, task: 5, product: 5, customField: 7 };

const applyInChild = (accountId: string, importId: string, faultPoint?: string) => spawnScript("lib/testing/apply-import-child.ts", [t.url, accountId, importId], { faultPoint });

// Every fault point of an import, in order: before each table is written, before and after the commit.
const POINTS = [...IMPORT_ORDER.map((type) => `IMPORTING:${type}`), "BEFORE_COMMIT", "AFTER_COMMIT"];

describe("an import killed mid-way", () => {
  it(`SIGKILL at every named point, then at random moments (${KILLS} kills in all): the CRM is either untouched or fully imported, never in between`, { timeout: 20 * 60_000 }, async () => {
    const acme = await createTestAccount(t.db, { snapshotDaysAgo: [], counts: COUNTS });
    const full = await dumpLiveAccount(t.db, acme.account.id);
    const snapshot = await takeSnapshot({ db: t.db, accountId: acme.account.id, kind: "MANUAL" });
    const file = path.join(mkdtempSync(path.join(tmpdir(), "rd-import-fault-")), "export.csv");
    await exportSnapshotToFile(t.url, snapshot.id, file);

    const deleteHalf = () => t.db.$executeRaw`DELETE FROM crm_contact WHERE "accountId" = ${acme.account.id}::uuid AND abs(hashtext(id::text)) % 2 = 0`;
    const stage = () => stageImport({ db: t.db, databaseUrl: t.url, accountId: acme.account.id, userId: acme.admin.id, path: file, fileName: "export.csv", mode: "ONLY_MISSING" });
    // The killed backend may still be finishing its statement; its transaction then rolls back.
    const untilBackendGone = () =>
      vi.waitFor(
        async () => {
          const busy = await t.db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND state <> 'idle' AND pid <> pg_backend_pid() AND query LIKE '%csv_import%'`;
          if (Number(busy[0].n) !== 0) throw new Error("the killed import's backend is still busy");
        },
        { timeout: 60_000, interval: 50 },
      );

    // How long an apply takes here, only to spread the random kills over it (no assertion depends on it).
    await deleteHalf();
    const probe = applyInChild(acme.account.id, await stage());
    await probe.ready;
    const readyAt = performance.now();
    await probe.exited;
    const applyMs = performance.now() - readyAt;
    expect(await dumpLiveAccount(t.db, acme.account.id)).toEqual(full);

    const outcomes = { rolledBack: 0, applied: 0 };
    await deleteHalf();
    let damaged = await dumpLiveAccount(t.db, acme.account.id);
    for (let i = 0; i < Math.max(KILLS, POINTS.length); i++) {
      const point = POINTS[i];
      const importId = await stage();
      const worker = applyInChild(acme.account.id, importId, point);
      if (!point) {
        await worker.ready;
        await new Promise((r) => setTimeout(r, Math.random() * applyMs * 1.2));
        worker.child.kill("SIGKILL");
      }
      await worker.exited;
      if (point) expect(worker.reached(), `stopped at ${point}`).toBe(true);
      await untilBackendGone();
      const status = (await t.db.csvImport.findUniqueOrThrow({ where: { id: importId } })).status;
      const now = await dumpLiveAccount(t.db, acme.account.id);
      const where = point ?? `random kill ${i}`;
      if (point) expect(status, where).toBe(point === "AFTER_COMMIT" ? "APPLIED" : "PREVIEW");
      if (status === "APPLIED") {
        outcomes.applied++;
        expect(now, where).toEqual(full);
        await deleteHalf();
        damaged = await dumpLiveAccount(t.db, acme.account.id);
      } else {
        outcomes.rolledBack++;
        expect(status, where).toBe("PREVIEW");
        expect(now, `${where}: a partial import`).toEqual(damaged);
      }
    }
    console.log(`import fault injection: ${POINTS.length} named points + ${Math.max(KILLS - POINTS.length, 0)} random kills over a ${Math.round(applyMs)} ms apply → ${outcomes.rolledBack} rolled back, ${outcomes.applied} applied before the kill, 0 partial`);
  });
});
