import "server-only";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { Db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { requestBodyStream } from "@/lib/http/request-body-stream";
import type { ImportMode } from "@/lib/generated/prisma/enums";
import { IMPORT_MAX_BYTES, stageImport } from "@/lib/import/stage-import";
import { createPendingFile, fileStorageRoot, removeStoredFile } from "@/lib/storage/file-storage";

/** Writes an upload to storage as it arrives, refusing past the size limit. */
async function storeUpload(body: ReadableStream<Uint8Array>, accountId: string): Promise<string> {
  const relative = `imports/${accountId}/${randomUUID()}.csv`;
  const file = await createPendingFile(fileStorageRoot(), relative);
  let size = 0;
  const limit = new Transform({
    transform(chunk: Buffer, _e, done) {
      size += chunk.length;
      done(size > IMPORT_MAX_BYTES ? new AppError("TOO_LARGE", "IMPORT_FILE_TOO_LARGE") : null, chunk);
    },
  });
  try {
    await pipeline(requestBodyStream(body), limit, file.stream);
    await file.commit();
    return relative;
  } catch (error) {
    await file.discard();
    throw error;
  }
}

/** An uploaded CSV → a staged import (the upload itself is not kept once staged). */
export async function importUpload({ db, body, accountId, userId, fileName, mode }: { db: Db; body: ReadableStream<Uint8Array> | null; accountId: string; userId: string; fileName: string; mode: ImportMode }) {
  if (!body) throw new AppError("VALIDATION", "IMPORT_NO_FILE");
  const relative = await storeUpload(body, accountId);
  try {
    return await stageImport({ db, databaseUrl: process.env.DATABASE_URL!, accountId, userId, path: path.join(fileStorageRoot(), relative), fileName, mode });
  } finally {
    await removeStoredFile(fileStorageRoot(), relative);
  }
}

/** The CSV of one of the account's completed restore requests, imported in place (it is already in storage). */
export async function importTicketFile({ db, ticketNumber, accountId, userId, mode }: { db: Db; ticketNumber: number; accountId: string; userId: string; mode: ImportMode }) {
  const file = await db.csvFile.findFirst({ where: { accountId, ticket: { number: ticketNumber }, expiresAt: { gt: new Date() } }, orderBy: { createdAt: "desc" } });
  if (!file) throw new AppError("NOT_FOUND", "IMPORT_TICKET_FILE_GONE");
  return stageImport({ db, databaseUrl: process.env.DATABASE_URL!, accountId, userId, path: path.join(fileStorageRoot(), file.storagePath), fileName: file.fileName, mode, sourceTicketId: file.ticketId });
}
