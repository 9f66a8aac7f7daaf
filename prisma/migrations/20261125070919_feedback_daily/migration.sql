-- CreateTable
CREATE TABLE "feedback_daily" (
    "revisionId" UUID NOT NULL,
    "day" DATE NOT NULL,
    "shard" SMALLINT NOT NULL,
    "articleId" UUID NOT NULL,
    "yes" INTEGER NOT NULL DEFAULT 0,
    "no" INTEGER NOT NULL DEFAULT 0,
    "reasonCounts" INTEGER[],

    CONSTRAINT "feedback_daily_pkey" PRIMARY KEY ("revisionId","day","shard")
);

-- CreateIndex
CREATE INDEX "feedback_daily_articleId_day_idx" ON "feedback_daily"("articleId", "day");

-- Keep feedback_daily in step with feedback_vote: one aggregated upsert per
-- statement, from its transition tables — a million-row insert is one pass,
-- a vote one small upsert; a changed vote leaves its old counts for the new.
-- The reason order must match FEEDBACK_REASONS in lib/help/feedback-rules.ts (tested).
CREATE OR REPLACE FUNCTION feedback_daily_apply() RETURNS trigger AS $$
DECLARE
  reason_order CONSTANT text[] := ARRAY['INTEGRATION_HELP', 'NOT_WHAT_I_WAS_LOOKING_FOR', 'HARD_TO_UNDERSTAND', 'OUT_OF_DATE', 'TOO_SHORT', 'DISLIKE_THE_TOOL'];
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO feedback_daily AS d ("revisionId", day, shard, "articleId", yes, no, "reasonCounts")
    SELECT v."revisionId", (v."createdAt" AT TIME ZONE 'UTC')::date, abs(hashtext(v."visitorId")) % 8, v."articleId",
           -count(*) FILTER (WHERE v.helpful), -count(*) FILTER (WHERE NOT v.helpful),
           ARRAY[-count(*) FILTER (WHERE NOT v.helpful AND v.reasons @> ARRAY[reason_order[1]])::int, -count(*) FILTER (WHERE NOT v.helpful AND v.reasons @> ARRAY[reason_order[2]])::int, -count(*) FILTER (WHERE NOT v.helpful AND v.reasons @> ARRAY[reason_order[3]])::int, -count(*) FILTER (WHERE NOT v.helpful AND v.reasons @> ARRAY[reason_order[4]])::int, -count(*) FILTER (WHERE NOT v.helpful AND v.reasons @> ARRAY[reason_order[5]])::int, -count(*) FILTER (WHERE NOT v.helpful AND v.reasons @> ARRAY[reason_order[6]])::int]
    FROM old_rows v GROUP BY 1, 2, 3, 4
    ON CONFLICT ("revisionId", day, shard) DO UPDATE SET yes = d.yes + EXCLUDED.yes, no = d.no + EXCLUDED.no,
      "reasonCounts" = ARRAY(SELECT a + b FROM unnest(d."reasonCounts", EXCLUDED."reasonCounts") AS t(a, b));
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO feedback_daily AS d ("revisionId", day, shard, "articleId", yes, no, "reasonCounts")
    SELECT v."revisionId", (v."createdAt" AT TIME ZONE 'UTC')::date, abs(hashtext(v."visitorId")) % 8, v."articleId",
           count(*) FILTER (WHERE v.helpful), count(*) FILTER (WHERE NOT v.helpful),
           ARRAY[count(*) FILTER (WHERE NOT v.helpful AND v.reasons @> ARRAY[reason_order[1]])::int, count(*) FILTER (WHERE NOT v.helpful AND v.reasons @> ARRAY[reason_order[2]])::int, count(*) FILTER (WHERE NOT v.helpful AND v.reasons @> ARRAY[reason_order[3]])::int, count(*) FILTER (WHERE NOT v.helpful AND v.reasons @> ARRAY[reason_order[4]])::int, count(*) FILTER (WHERE NOT v.helpful AND v.reasons @> ARRAY[reason_order[5]])::int, count(*) FILTER (WHERE NOT v.helpful AND v.reasons @> ARRAY[reason_order[6]])::int]
    FROM new_rows v GROUP BY 1, 2, 3, 4
    ON CONFLICT ("revisionId", day, shard) DO UPDATE SET yes = d.yes + EXCLUDED.yes, no = d.no + EXCLUDED.no,
      "reasonCounts" = ARRAY(SELECT a + b FROM unnest(d."reasonCounts", EXCLUDED."reasonCounts") AS t(a, b));
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER feedback_daily_on_insert AFTER INSERT ON "feedback_vote"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION feedback_daily_apply();
CREATE TRIGGER feedback_daily_on_update AFTER UPDATE ON "feedback_vote"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION feedback_daily_apply();
CREATE TRIGGER feedback_daily_on_delete AFTER DELETE ON "feedback_vote"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION feedback_daily_apply();

-- Votes cast before this migration.
INSERT INTO feedback_daily ("revisionId", day, shard, "articleId", yes, no, "reasonCounts")
SELECT v."revisionId", (v."createdAt" AT TIME ZONE 'UTC')::date, abs(hashtext(v."visitorId")) % 8, v."articleId",
       count(*) FILTER (WHERE v.helpful), count(*) FILTER (WHERE NOT v.helpful),
       ARRAY[count(*) FILTER (WHERE NOT v.helpful AND v.reasons @> ARRAY['INTEGRATION_HELP'])::int, count(*) FILTER (WHERE NOT v.helpful AND v.reasons @> ARRAY['NOT_WHAT_I_WAS_LOOKING_FOR'])::int, count(*) FILTER (WHERE NOT v.helpful AND v.reasons @> ARRAY['HARD_TO_UNDERSTAND'])::int, count(*) FILTER (WHERE NOT v.helpful AND v.reasons @> ARRAY['OUT_OF_DATE'])::int, count(*) FILTER (WHERE NOT v.helpful AND v.reasons @> ARRAY['TOO_SHORT'])::int, count(*) FILTER (WHERE NOT v.helpful AND v.reasons @> ARRAY['DISLIKE_THE_TOOL'])::int]
FROM feedback_vote v GROUP BY 1, 2, 3, 4;
