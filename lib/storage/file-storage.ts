import "server-only";
import { createReadStream, createWriteStream, type ReadStream, type WriteStream } from "node:fs";
import { mkdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";

/**
 * Files the app produces (restore CSVs), under one directory: FILE_STORAGE_DIR,
 * by default `.data/files` beside the embedded database. Paths stored in the
 * database are relative to it and never come from user input.
 */
export function fileStorageRoot(): string {
  return path.resolve(process.env.FILE_STORAGE_DIR ?? path.join(process.cwd(), ".data", "files"));
}

function resolveInside(root: string, relativePath: string): string {
  const full = path.resolve(root, relativePath);
  if (!full.startsWith(root + path.sep)) throw new Error(`Path escapes the file storage: ${relativePath}`);
  return full;
}

export type PendingFile = {
  stream: WriteStream;
  /** Moves the finished file into place (a reader never sees half a file). */
  commit(): Promise<void>;
  discard(): Promise<void>;
};

export async function createPendingFile(root: string, relativePath: string): Promise<PendingFile> {
  const target = resolveInside(root, relativePath);
  await mkdir(path.dirname(target), { recursive: true });
  const partial = `${target}.partial`;
  return {
    stream: createWriteStream(partial),
    commit: () => rename(partial, target),
    discard: () => rm(partial, { force: true }),
  };
}

export async function openStoredFile(root: string, relativePath: string): Promise<{ stream: ReadStream; size: number } | null> {
  const full = resolveInside(root, relativePath);
  const info = await stat(full).catch(() => null);
  if (!info?.isFile()) return null;
  return { stream: createReadStream(full), size: info.size };
}

export async function removeStoredFile(root: string, relativePath: string): Promise<void> {
  await rm(resolveInside(root, relativePath), { force: true });
}
