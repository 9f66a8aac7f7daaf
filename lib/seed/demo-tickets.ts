import "server-only";
import type { Db } from "@/lib/db/client";
import { deterministicUuid } from "@/lib/seed/ids";
import { executeRun, type RunEnvironment } from "@/lib/restore/execute-run";
import { recordRunFailure } from "@/lib/restore/run-outcome";
import { startRestoreRun } from "@/lib/restore/start-run";
import { createRestoreRequest } from "@/lib/tickets/create-restore-request";
import { dateInTimeZone } from "@/lib/tickets/eligibility";
import type { TicketAction } from "@/lib/tickets/state-machine";
import type { TicketActor } from "@/lib/tickets/ticket-actor";
import { transitionTicket } from "@/lib/tickets/transition-ticket";

const HOUR = 60 * 60 * 1000;

/**
 * RUN starts a real run and carries it out (it ends "now", whatever `afterHours`
 * says, so run steps come last); RUN_INTERRUPTED starts one and records that
 * the server stopped under it — what the abandoned-run sweep does after a crash.
 */
type Step = { action: TicketAction | "RUN" | "RUN_INTERRUPTED"; by: "agent" | "lead" | "admin"; body?: string; afterHours: number };

type DemoTicket = {
  slug: string;
  method: "CSV" | "FULL";
  /** How long ago it was filed, and how many days before that the restore date lies. */
  filedHoursAgo: number;
  restoreDaysBack: number;
  description: string;
  steps: Step[];
};

/** One ticket per life-cycle state (RUNNING exists only while a run runs). */
const DEMO_TICKETS: DemoTicket[] = [
  {
    slug: "umbrella",
    method: "CSV",
    filedHoursAgo: 3,
    restoreDaysBack: 1,
    description: "Około 300 kontaktów z importu z targów zniknęło po wczorajszym scalaniu duplikatów. Zauważyliśmy dziś rano.",
    steps: [],
  },
  {
    slug: "stark",
    method: "FULL",
    filedHoursAgo: 30,
    restoreDaysBack: 2,
    description: "A sync script deleted our whole product catalogue (~450 products) and two custom fields on deals. Noticed at 9:00.",
    steps: [
      { action: "START_REVIEW", by: "agent", afterHours: 2 },
      { action: "REQUEST_APPROVAL", by: "agent", afterHours: 3, body: "Products and custom fields are only recoverable by a full restore. Customer confirmed." },
    ],
  },
  {
    slug: "wayne",
    method: "CSV",
    filedHoursAgo: 50,
    restoreDaysBack: 3,
    description: "Deals of the Gdańsk office were bulk-edited by mistake: stages reset to NEW for ~200 deals.",
    steps: [
      { action: "START_REVIEW", by: "agent", afterHours: 1 },
      { action: "ASK_FOR_INFO", by: "agent", afterHours: 2, body: "Do you need the deals as of Monday morning, or before the Friday import?" },
    ],
  },
  {
    slug: "hooli",
    method: "CSV",
    filedHoursAgo: 70,
    restoreDaysBack: 2,
    description: "Leads from the spring campaign (about 1,000) were deleted by a former employee before leaving.",
    steps: [
      { action: "START_REVIEW", by: "agent", afterHours: 1 },
      { action: "APPROVE", by: "agent", afterHours: 3 },
    ],
  },
  {
    slug: "soylent",
    method: "FULL",
    filedHoursAgo: 80,
    restoreDaysBack: 1,
    description: "Brakuje trzech kontaktów, które ktoś usunął w poniedziałek.",
    steps: [
      {
        action: "REJECT",
        by: "agent",
        afterHours: 2,
        body: "Three contacts do not justify a full restore, which would undo four days of work for everyone. Please re-enter them, or ask for a CSV file.",
      },
    ],
  },
  {
    slug: "vandelay",
    method: "CSV",
    filedHoursAgo: 26,
    restoreDaysBack: 2,
    description: "We thought our companies list was gone, but it was a filter in the list view. Sorry!",
    steps: [{ action: "CANCEL", by: "admin", afterHours: 1 }],
  },
  {
    slug: "cyberdyne",
    method: "FULL",
    filedHoursAgo: 8,
    restoreDaysBack: 1,
    description: "Custom fields on contacts were deleted together with their values during a cleanup. About 20,000 values lost.",
    steps: [{ action: "START_REVIEW", by: "lead", afterHours: 1 }],
  },
  {
    slug: "tyrell",
    method: "CSV",
    filedHoursAgo: 6,
    restoreDaysBack: 2,
    description: "Kontakty działu sprzedaży (ok. 150) zostały usunięte przy porządkowaniu. Potrzebujemy pliku, żeby je sprawdzić i zaimportować.",
    steps: [
      { action: "START_REVIEW", by: "agent", afterHours: 1 },
      { action: "APPROVE", by: "agent", afterHours: 2 },
      { action: "RUN", by: "agent", afterHours: 6 },
    ],
  },
  {
    slug: "oscorp",
    method: "FULL",
    filedHoursAgo: 5,
    restoreDaysBack: 1,
    description: "A faulty integration overwrote deal amounts and stages across the whole pipeline last night. We need the account as of yesterday.",
    steps: [
      { action: "START_REVIEW", by: "agent", afterHours: 1 },
      { action: "REQUEST_APPROVAL", by: "agent", afterHours: 1.5, body: "The whole pipeline is affected; a full restore is the only way. Customer accepts losing today's entries." },
      { action: "APPROVE", by: "lead", afterHours: 3 },
      { action: "RUN", by: "lead", afterHours: 5 },
    ],
  },
  {
    slug: "wonka",
    method: "FULL",
    filedHoursAgo: 9,
    restoreDaysBack: 1,
    description: "Wszystkie produkty i cenniki zniknęły po aktualizacji wtyczki magazynowej.",
    steps: [
      { action: "START_REVIEW", by: "agent", afterHours: 1 },
      { action: "REQUEST_APPROVAL", by: "agent", afterHours: 2 },
      { action: "APPROVE", by: "lead", afterHours: 4 },
      { action: "RUN_INTERRUPTED", by: "lead", afterHours: 8 },
    ],
  },
];

/** Demo tickets in every reachable state, through the same rules (and the same restore runner) the app uses. */
export async function seedDemoTickets({ db, now, runs }: { db: Db; now: Date; runs: Omit<RunEnvironment, "db"> }) {
  const staff = async (email: string, role: TicketActor["role"]): Promise<TicketActor> => ({
    id: (await db.user.findUniqueOrThrow({ where: { email } })).id,
    role,
    accountId: null,
  });
  const agent = await staff("support@restoredesk.test", "SUPPORT_AGENT");
  const lead = await staff("lead@restoredesk.test", "SUPPORT_LEAD");
  for (const demo of DEMO_TICKETS) {
    const account = await db.account.findUniqueOrThrow({ where: { portalAddress: `${demo.slug}.crm.example` } });
    const admin: TicketActor = { id: account.ownerId!, role: "ACCOUNT_ADMIN", accountId: account.id };
    const filedAt = new Date(now.getTime() - demo.filedHoursAgo * HOUR);
    const restoreDate = dateInTimeZone(new Date(filedAt.getTime() - demo.restoreDaysBack * 24 * HOUR), account.timeZone);
    const { number } = await createRestoreRequest({
      db,
      actor: { id: admin.id!, role: "ACCOUNT_ADMIN", accountId: account.id },
      input: {
        method: demo.method,
        restoreDate,
        description: demo.description,
        ackAllUsers: true,
        ackDataLoss: true,
        requestKey: deterministicUuid(`ticket:${demo.slug}`),
      },
      now: filedAt,
    });
    const ticket = await db.restoreTicket.findUniqueOrThrow({ where: { number } });
    for (const step of demo.steps) {
      const actor = { agent, lead, admin }[step.by];
      const at = new Date(filedAt.getTime() + step.afterHours * HOUR);
      if (step.action === "RUN" || step.action === "RUN_INTERRUPTED") {
        const current = await db.restoreTicket.findUniqueOrThrow({ where: { id: ticket.id } });
        const { runId } = await startRestoreRun({ db, actor, number, expectedVersion: current.version, now: at });
        const run = await db.restoreRun.findUniqueOrThrow({ where: { id: runId } });
        if (step.action === "RUN") await executeRun({ db, ...runs }, runId);
        else await recordRunFailure(db, run, { reason: "SERVER_STOPPED" });
        continue;
      }
      await db.$transaction((tx) =>
        transitionTicket({
          tx,
          ticketId: ticket.id,
          action: step.action as TicketAction,
          actor,
          body: step.body,
          at,
        }),
      );
    }
  }
}
