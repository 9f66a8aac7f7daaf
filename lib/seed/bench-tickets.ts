import "server-only";
import type { Db } from "@/lib/db/client";

const ACCOUNTS = 2000;

/**
 * Many tickets for benchmarks (`npm run db:seed -- --tickets=100000`): 2,000
 * extra accounts with an admin each, every account with one open ticket at
 * most (as the rules demand) and the rest closed, all set-based.
 * Replaces earlier bench tickets; demo tickets are kept.
 */
export async function seedBenchTickets({ db, count, now = new Date() }: { db: Db; count: number; now?: Date }) {
  await db.$transaction(
    async (tx) => {
      await tx.$executeRaw`DELETE FROM restore_ticket WHERE "accountId" IN (SELECT id FROM account WHERE "portalAddress" LIKE 'bench-%')`;
      const plan = await tx.plan.findUniqueOrThrow({ where: { code: "professional" } });
      const hash = (await tx.user.findFirstOrThrow({ where: { kind: "SUPPORT" } })).passwordHash;
      await tx.$executeRaw`
        INSERT INTO account (id, name, "portalAddress", "planId", "timeZone", "databaseSizeBytes", "externalDataBytes", "createdAt")
        SELECT md5('bench-account-' || i)::uuid, 'Bench ' || (ARRAY['Retail','Logistics','Foods','Systems','Consulting'])[1 + i % 5] || ' ' || i,
               'bench-' || i || '.crm.example', ${plan.id}::uuid, 'Europe/Warsaw', (1 + i % 40)::bigint * 1024 * 1024 * 1024, 0, ${now}
        FROM generate_series(1, ${ACCOUNTS}::int) i
        ON CONFLICT ("portalAddress") DO NOTHING`;
      await tx.$executeRaw`
        INSERT INTO app_user (id, email, name, "passwordHash", kind, "isLead", "accountId", locale, "sessionVersion", "createdAt")
        SELECT md5('bench-admin-' || i)::uuid, 'admin@bench-' || i || '.test', 'Bench Admin ' || i, ${hash}, 'CUSTOMER', false,
               md5('bench-account-' || i)::uuid, 'pl', 1, ${now}
        FROM generate_series(1, ${ACCOUNTS}::int) i
        ON CONFLICT (email) DO NOTHING`;
      await tx.$executeRaw`UPDATE account SET "ownerId" = md5('bench-admin-' || substring("portalAddress" from 'bench-(\\d+)'))::uuid WHERE "portalAddress" LIKE 'bench-%' AND "ownerId" IS NULL`;
      const [{ max }] = await tx.$queryRaw<{ max: number | null }[]>`SELECT max(number) AS max FROM restore_ticket`;
      const staff = await tx.user.findMany({ where: { kind: "SUPPORT" }, select: { id: true } });
      // Ticket i belongs to account (i mod 2000); the newest of each account is open.
      await tx.$executeRaw`
        INSERT INTO restore_ticket (id, number, "accountId", "requesterId", method, "restoreDate", description, status, "openForAccountId",
                                    "assigneeId", "backupExpiresAt", version, "createdAt", "updatedAt", "closedAt", "firstResponseAt")
        SELECT gen_random_uuid(), ${max ?? 0}::int + i, md5('bench-account-' || (1 + i % ${ACCOUNTS}::int))::uuid, md5('bench-admin-' || (1 + i % ${ACCOUNTS}::int))::uuid,
               (CASE WHEN i % 3 = 0 THEN 'FULL' ELSE 'CSV' END)::"RestoreMethod",
               (created - interval '2 days')::date,
               (ARRAY['Kontakty zniknęły po imporcie','Deals deleted by a script','Products list wiped','Lost custom field values','Leads removed by a former employee'])[1 + i % 5] || ' #' || i,
               (CASE WHEN open THEN (ARRAY['SUBMITTED','IN_REVIEW','NEEDS_INFO','APPROVED','FAILED'])[1 + i % 5]
                     ELSE (ARRAY['COMPLETED','COMPLETED','REJECTED','CANCELLED'])[1 + i % 4] END)::"TicketStatus",
               CASE WHEN open THEN md5('bench-account-' || (1 + i % ${ACCOUNTS}::int))::uuid END,
               CASE WHEN i % 4 = 0 THEN NULL ELSE (${staff.map((s) => s.id)}::uuid[])[1 + i % ${staff.length}::int] END,
               created - interval '2 days' + interval '7 days',
               1, created, created, CASE WHEN open THEN NULL ELSE created + interval '1 day' END,
               -- Support answered within 12 hours, except tickets still SUBMITTED and those cancelled (as if before an answer).
               CASE WHEN (open AND i % 5 = 0) OR (NOT open AND i % 4 = 3) THEN NULL
                    ELSE least(created + ((i * 37) % 720) * interval '1 minute', ${now}::timestamptz) END
        FROM (
          SELECT i, ${now}::timestamptz - (((${count}::int - i) * 17) % 8640000) * interval '1 second' AS created, i > ${count}::int - ${ACCOUNTS}::int AS open
          FROM generate_series(1, ${count}::int) i
        ) g`;
      await tx.$executeRaw`
        INSERT INTO counter (name, value) SELECT 'ticket_number', max(number) FROM restore_ticket
        ON CONFLICT (name) DO UPDATE SET value = EXCLUDED.value`;
      await tx.$executeRaw`ANALYZE restore_ticket`;
    },
    { timeout: 10 * 60 * 1000 },
  );
}
