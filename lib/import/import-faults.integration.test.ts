import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
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

const applyInChild = (accountId: string, importId: string) => spawnScript("lib/testing/apply-import-child.ts", [t.url, accountId, importId]);

describe("an import killed mid-way", () => {
  it(`SIGKILL at random moments ${KILLS} times: the CRM is either untouched or fully imported, never in between`, { timeout: 20 * 60_000 }, async () => {
    const acme = await createTestAccount(t.db, { snapshotDaysAgo: [], counts: COUNTS });
    const full = await dumpLiveAccount(t.db, acme.account.id);
    const snapshot = await takeSnapshot({ db: t.db, accountId: acme.account.id, kind: "MANUAL" });
    const file = path.join(mkdtempSync(path.join(tmpdir(), "rd-import-fault-")), "export.csv");
    await exportSnapshotToFile(t.url, snapshot.id, file);

    const deleteHalf = () => t.db.$executeRaw`DELETE FROM crm_contact WHERE "accountId" = ${acme.account.id}::uuid AND abs(hashtext(id::text)) % 2 = 0`;
    const stage = () => stageImport({ db: t.db, databaseUrl: t.url, accountId: acme.account.id, userId: acme.admin.id, path: file, fileName: "export.csv", mode: "ONLY_MISSING" });

    // How long an apply takes here, to spread the kills over it: the quickest of
    // three (the first, cold one is slower than the rest; a busy CI machine varies).
    const probes: number[] = [];
    for (let p = 0; p < 3; p++) {
      await deleteHalf();
      const probe = applyInChild(acme.account.id, await stage());
      await probe.ready;
      const readyAt = performance.now();
      await probe.exited;
      probes.push(performance.now() - readyAt);
      expect(await dumpLiveAccount(t.db, acme.account.id)).toEqual(full);
    }
    const applyMs = Math.min(...probes);

    const outcomes = { rolledBack: 0, applied: 0 };
    await deleteHalf();
    let damaged = await dumpLiveAccount(t.db, acme.account.id);
    for (let i = 0; i < KILLS; i++) {
      const importId = await stage();
      const worker = applyInChild(acme.account.id, importId);
      await worker.ready;
      await new Promise((r) => setTimeout(r, Math.random() * applyMs * 1.2));
      worker.child.kill("SIGKILL");
      await worker.exited;
      // The killed backend may still be finishing its statement; its transaction then rolls back.
      await vi.waitFor(
        async () => {
          const busy = await t.db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND state <> 'idle' AND pid <> pg_backend_pid() AND query LIKE '%csv_import%'`;
          if (Number(busy[0].n) !== 0) throw new Error("the killed import's backend is still busy");
        },
        { timeout: 60_000, interval: 50 },
      );
      const status = (await t.db.csvImport.findUniqueOrThrow({ where: { id: importId } })).status;
      const now = await dumpLiveAccount(t.db, acme.account.id);
      if (status === "APPLIED") {
        outcomes.applied++;
        expect(now).toEqual(full);
        await deleteHalf();
        damaged = await dumpLiveAccount(t.db, acme.account.id);
      } else {
        outcomes.rolledBack++;
        expect(status).toBe("PREVIEW");
        expect(now, `kill ${i}: a partial import`).toEqual(damaged);
      }
    }
    console.log(`import fault injection: ${KILLS} kills over a ${Math.round(applyMs)} ms apply → ${outcomes.rolledBack} rolled back, ${outcomes.applied} applied before the kill, 0 partial`);
    expect(outcomes.rolledBack).toBeGreaterThan(KILLS / 4);
  });
});
