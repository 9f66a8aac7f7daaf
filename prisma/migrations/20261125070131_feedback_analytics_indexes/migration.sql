-- CreateIndex
CREATE INDEX "feedback_vote_articleId_revisionId_helpful_createdAt_idx" ON "feedback_vote"("articleId", "revisionId", "helpful", "createdAt");

-- CreateIndex
CREATE INDEX "feedback_vote_articleId_helpful_accountId_idx" ON "feedback_vote"("articleId", "helpful", "accountId");
