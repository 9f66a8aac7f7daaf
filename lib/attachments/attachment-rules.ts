import type { AttachmentType } from "@/lib/generated/prisma/enums";

export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;
/** Files one reply or note may carry; also how many uploads may wait for their message. */
export const ATTACHMENTS_PER_MESSAGE = 10;
const NAME_MAX = 200;

export const ATTACHMENT_MEDIA_TYPE: Record<AttachmentType, string> = {
  PNG: "image/png",
  JPEG: "image/jpeg",
  WEBP: "image/webp",
  PDF: "application/pdf",
};

const EXTENSIONS: Record<AttachmentType, readonly string[]> = {
  PNG: [".png"],
  JPEG: [".jpg", ".jpeg"],
  WEBP: [".webp"],
  PDF: [".pdf"],
};

/** Bytes the type is recognised by; enough for every signature below. */
export const SIGNATURE_BYTES = 12;

function startsWith(bytes: Uint8Array, signature: readonly number[], offset = 0): boolean {
  return signature.every((byte, i) => bytes[offset + i] === byte);
}

const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

/**
 * The file's type from its first bytes, never from its name: an HTML page
 * renamed `.png` is no PNG. SVG (a script-capable document) has no place
 * here at all; only these four can be shown or downloaded safely.
 */
export function detectAttachmentType(head: Uint8Array): AttachmentType | null {
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "PNG";
  if (startsWith(head, [0xff, 0xd8, 0xff])) return "JPEG";
  if (startsWith(head, ascii("RIFF")) && startsWith(head, ascii("WEBP"), 8)) return "WEBP";
  if (startsWith(head, ascii("%PDF-"))) return "PDF";
  return null;
}

/** Images are shown in the page; everything else is only ever downloaded. */
export function isShownInline(type: AttachmentType): boolean {
  return type !== "PDF";
}

export type AttachmentNameCheck = { ok: true; name: string } | { ok: false; key: "ATTACHMENT_NAME_INVALID" | "ATTACHMENT_NAME_TOO_LONG" };

/**
 * A name as the uploader sent it, checked: no path (`/`, `\`), no control
 * characters, not just dots. It is shown and offered as the download's name,
 * never used as a path.
 */
export function checkAttachmentName(raw: string): AttachmentNameCheck {
  const name = raw.normalize("NFC").trim();
  // Also the invisible and direction-changing characters, which could show one name and be another ("gpj.exe" shown as "exe.jpg").
  if (!name || /[\u0000-\u001f\u007f-\u009f/\\\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/.test(name) || /^\.+$/.test(name)) return { ok: false, key: "ATTACHMENT_NAME_INVALID" };
  if (name.length > NAME_MAX) return { ok: false, key: "ATTACHMENT_NAME_TOO_LONG" };
  return { ok: true, name };
}

/**
 * The name a download is offered under: the uploader's, with the extension of
 * what the file really is when the name says otherwise (a PDF called
 * `photo.png` is saved as `photo.png.pdf`, so it opens in the right program).
 */
export function downloadName(name: string, type: AttachmentType): string {
  const lower = name.toLowerCase();
  return EXTENSIONS[type].some((ext) => lower.endsWith(ext)) ? name : `${name}${EXTENSIONS[type][0]}`;
}

/** `Content-Disposition` with an ASCII fallback and the exact name in RFC 5987 form. */
export function contentDisposition(kind: "inline" | "attachment", name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]|["\\%;]/g, "_");
  return `${kind}; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** Sent files stay this many days after their ticket closes (ATTACHMENT_RETENTION_DAYS). */
export const DEFAULT_ATTACHMENT_RETENTION_DAYS = 30;
/** An upload never sent with a message is dropped after a day. */
export const ABANDONED_UPLOAD_MS = 24 * 60 * 60 * 1000;

export function attachmentRetentionDays(value: string | undefined): number {
  const days = Number(value);
  return Number.isInteger(days) && days >= 1 ? days : DEFAULT_ATTACHMENT_RETENTION_DAYS;
}
