import "server-only";
import type { Db } from "@/lib/db/client";
import { DATA_BACKUP_REVISIONS, DATA_BACKUP_SLUG, RESTORE_STATUS_REVISION, RESTORE_STATUS_SLUG } from "@/lib/help/articles/data-backup";
import { FEEDBACK_REASONS } from "@/lib/help/feedback-rules";
import { deterministicUuid } from "@/lib/seed/ids";

const DAY = 24 * 60 * 60 * 1000;

const COMMENTS = [
  "Nie wiem, jak sprawdzić rozmiar bazy danych.",
  "I could not find where to check my plan.",
  "Brakuje przykładu importu pliku CSV.",
  "What happens to tasks created after the backup date?",
  "Potrzebuję przywrócić dane tylko jednego handlowca — czemu się nie da?",
  "The 30 GB limit should be explained better.",
  "Dlaczego kopia jest trzymana tylko tydzień?",
  "<b>Please</b> add screenshots",
];

/**
 * Votes over months, set-based: `count` votes spread over [from, to] days ago,
 * helpful with probability `helpfulPercent`, reasons and an occasional comment on a No.
 */
async function seedVotes(db: Db, o: { articleId: string; revisionId: string; count: number; fromDaysAgo: number; toDaysAgo: number; helpfulPercent: number; salt: string; now: Date }) {
  await db.$executeRawUnsafe(
    `INSERT INTO feedback_vote (id, "articleId", "revisionId", "visitorId", helpful, reasons, comment, "ipHash", locale, "createdAt", "updatedAt")
     SELECT gen_random_uuid(), $1::uuid, $2::uuid, 'seed-' || $3 || '-' || i,
            h.helpful, CASE WHEN h.helpful THEN '{}'::text[] ELSE
              array_remove(ARRAY[($7::text[])[1 + abs(hashtext($3 || i || 'r1')) % 6], CASE WHEN abs(hashtext($3 || i || 'r2')) % 3 = 0 THEN ($7::text[])[1 + abs(hashtext($3 || i || 'r3')) % 6] END], NULL) END,
            CASE WHEN NOT h.helpful AND abs(hashtext($3 || i || 'c')) % 4 = 0 THEN ($8::text[])[1 + abs(hashtext($3 || i || 'ct')) % $9] END,
            md5('seed-address-' || (abs(hashtext($3 || i || 'ip')) % 400)), CASE WHEN abs(hashtext($3 || i || 'l')) % 3 = 0 THEN 'en' ELSE 'pl' END,
            t.at, t.at
     FROM generate_series(1, $4::int) i
     CROSS JOIN LATERAL (SELECT abs(hashtext($3 || i || 'h')) % 100 < $6 AS helpful) h
     CROSS JOIN LATERAL (SELECT $5::timestamptz - make_interval(secs => ($10::float8 + ($11::float8 - $10::float8) * (abs(hashtext($3 || i || 't')) % 100000) / 100000.0) * 86400) AS at) t
     ON CONFLICT DO NOTHING`,
    o.articleId,
    o.revisionId,
    o.salt,
    o.count,
    o.now,
    o.helpfulPercent,
    [...FEEDBACK_REASONS],
    COMMENTS,
    COMMENTS.length,
    o.toDaysAgo,
    o.fromDaysAgo,
  );
}

/** The help center's articles (with revisions) and a few months of realistic votes. */
export async function seedHelp({ db, now }: { db: Db; now: Date }) {
  const backup = await db.helpArticle.create({ data: { id: deterministicUuid("help:data-backup"), slug: DATA_BACKUP_SLUG, createdAt: new Date(now.getTime() - 150 * DAY) } });
  const [first, current] = await Promise.all(
    DATA_BACKUP_REVISIONS.map((revision, i) =>
      db.helpArticleRevision.create({
        data: { id: deterministicUuid(`help:data-backup:${i + 1}`), articleId: backup.id, number: i + 1, ...revision, createdAt: new Date(now.getTime() - (i === 0 ? 150 : 45) * DAY) },
      }),
    ),
  );
  const status = await db.helpArticle.create({ data: { id: deterministicUuid("help:status"), slug: RESTORE_STATUS_SLUG, createdAt: new Date(now.getTime() - 90 * DAY) } });
  const statusRevision = await db.helpArticleRevision.create({
    data: { id: deterministicUuid("help:status:1"), articleId: status.id, number: 1, ...RESTORE_STATUS_REVISION, createdAt: new Date(now.getTime() - 90 * DAY) },
  });

  await seedVotes(db, { articleId: backup.id, revisionId: first.id, count: 900, fromDaysAgo: 150, toDaysAgo: 45, helpfulPercent: 54, salt: "b1", now });
  await seedVotes(db, { articleId: backup.id, revisionId: current.id, count: 650, fromDaysAgo: 45, toDaysAgo: 0.1, helpfulPercent: 71, salt: "b2", now });
  await seedVotes(db, { articleId: status.id, revisionId: statusRevision.id, count: 140, fromDaysAgo: 90, toDaysAgo: 0.1, helpfulPercent: 83, salt: "s1", now });

  // Signed-in account admins who answered "No" and filed a request within hours:
  // the "No → request within 24 h" figure support watches.
  await db.$executeRaw`
    INSERT INTO feedback_vote (id, "articleId", "revisionId", "visitorId", helpful, reasons, "ipHash", "accountId", locale, "createdAt", "updatedAt")
    SELECT gen_random_uuid(), ${backup.id}::uuid, ${current.id}::uuid, 'seed-account-' || t.id, false, ARRAY['NOT_WHAT_I_WAS_LOOKING_FOR'],
           md5('seed-account-address-' || t.id), t."accountId", 'pl', t."createdAt" - interval '3 hours', t."createdAt" - interval '3 hours'
    FROM restore_ticket t
    WHERE t."createdAt" > ${new Date(now.getTime() - 44 * DAY)} AND t.number % 2 = 0`;
}
