// npm run bench: the speed figures of the issues, each next to its reference,
// measured in the same run. Uses the app's database (embedded by default).
//   BENCH_TICKETS (100000)  tickets in the queue benchmark
//   BENCH_SCALE (1000000)   CRM items of the scale account
//   BENCH_VOTES (1000000)   votes on the feedback benchmark article
//   BENCH_IMPORT_ROWS (100000) rows of the CSV import benchmark
//   BENCH_LOAD_SECONDS (8)  duration of each load run
//   BENCH_ONLY              one part: list | page | restore | runs | selective | import | feedback | load | queue
import { spawn } from "node:child_process";
import { createPrismaClient } from "@/lib/db/client";
import { seedBenchTickets } from "@/lib/seed/bench-tickets";
import { benchTicketList } from "./bench/ticket-list";
import { benchPageRender } from "./bench/page-render";
import { benchSnapshotAndPreview } from "./bench/restore-preview";
import { benchRestoreRuns } from "./bench/restore-run";
import { benchSelectiveRestore } from "./bench/selective-restore";
import { benchFeedback } from "./bench/feedback";
import { benchCsvImport } from "./bench/csv-import";
import { benchLoad } from "./bench/load";
import { benchJobQueue } from "./bench/job-queue";

const url = process.env.DATABASE_URL!;
const tickets = Number(process.env.BENCH_TICKETS ?? 100_000);
const scale = Number(process.env.BENCH_SCALE ?? 1_000_000);
const port = Number(process.env.BENCH_PORT ?? 3300);
const only = process.env.BENCH_ONLY;
const part = (name: string) => !only || only === name;

/** The production server; `workers`: also a job worker in the same process (as `npm start`), else pages only (WORKERS=off). */
async function startServer({ workers = false }: { workers?: boolean } = {}): Promise<() => void> {
  // The load benchmarks stand for many clients behind one proxy: each request's X-Forwarded-For is its client.
  const child = spawn(process.execPath, ["scripts/server.mjs", "-p", String(port)], {
    env: { ...process.env, NEXTAUTH_URL: `http://localhost:${port}`, TRUSTED_PROXY_HOPS: "1", WORKERS: workers ? "on" : "off", SMTP_URL: "" },
    stdio: "ignore",
  });
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`http://localhost:${port}/login`)).ok) return () => child.kill("SIGTERM");
    } catch {
      // Not listening yet: try again.
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  child.kill("SIGTERM");
  throw new Error("The app did not start for the page benchmark.");
}

async function main() {
  const db = createPrismaClient(url);
  console.log(`# Restore Desk benchmark — ${new Date().toISOString()}`);
  try {
    const benchTickets = await db.restoreTicket.count({ where: { account: { portalAddress: { startsWith: "bench-" } } } });
    if (benchTickets !== tickets) {
      console.log(`Seeding ${tickets.toLocaleString("en")} benchmark tickets…`);
      await seedBenchTickets({ db, count: tickets });
    }
    const agent = await db.user.findUniqueOrThrow({ where: { email: "support@restoredesk.test" } });
    if (part("list")) await benchTicketList({ db, url, actorId: agent.id });
    if (part("page") || part("feedback") || part("load")) {
      const stop = await startServer();
      try {
        if (part("page")) await benchPageRender(`http://localhost:${port}`);
        if (part("feedback")) await benchFeedback(db, `http://localhost:${port}`, Number(process.env.BENCH_VOTES ?? 1_000_000));
        if (part("load")) await benchLoad(db, url, `http://localhost:${port}`, scale);
      } finally {
        stop();
      }
    }
    if (part("restore")) await benchSnapshotAndPreview(db, scale);
    if (part("runs")) await benchRestoreRuns(db, url, scale);
    if (part("selective")) await benchSelectiveRestore(db, url, scale);
    if (part("import")) await benchCsvImport(db, url, scale, Number(process.env.BENCH_IMPORT_ROWS ?? 100_000));
    if (part("queue")) await benchJobQueue({ db, url, base: `http://localhost:${port}`, crmRows: scale, startServer });
  } finally {
    await db.$disconnect();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
