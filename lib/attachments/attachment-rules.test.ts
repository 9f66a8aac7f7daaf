import { describe, expect, it } from "vitest";
import { checkAttachmentName, contentDisposition, detectAttachmentType, downloadName, isShownInline } from "@/lib/attachments/attachment-rules";

const bytes = (...values: (number | string)[]) =>
  new Uint8Array(values.flatMap((v) => (typeof v === "string" ? [...v].map((c) => c.charCodeAt(0)) : [v])));

describe("detectAttachmentType", () => {
  it("recognises the four allowed types by their first bytes", () => {
    expect(detectAttachmentType(bytes(0x89, "PNG", 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13))).toBe("PNG");
    expect(detectAttachmentType(bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10, "JFIF"))).toBe("JPEG");
    expect(detectAttachmentType(bytes("RIFF", 0x24, 0, 0, 0, "WEBP"))).toBe("WEBP");
    expect(detectAttachmentType(bytes("%PDF-1.7\n"))).toBe("PDF");
  });

  it("refuses what only claims to be one of them", () => {
    expect(detectAttachmentType(bytes("<!DOCTYPE html><html>"))).toBeNull();
    expect(detectAttachmentType(bytes('<svg xmlns="http://www.w3.org/2000/svg">'))).toBeNull();
    expect(detectAttachmentType(bytes('<?xml version="1.0"?><svg>'))).toBeNull();
    expect(detectAttachmentType(bytes("RIFF", 0x24, 0, 0, 0, "WAVE"))).toBeNull();
    expect(detectAttachmentType(bytes(0x89, "PNG"))).toBeNull();
    expect(detectAttachmentType(new Uint8Array())).toBeNull();
  });
});

describe("checkAttachmentName", () => {
  it("keeps ordinary names, Polish letters included", () => {
    expect(checkAttachmentName("  zrzut ekranu — usunięte kontakty.png ")).toEqual({ ok: true, name: "zrzut ekranu — usunięte kontakty.png" });
  });

  it.each(["../../etc/passwd", "C:\\evil.png", "dir/file.pdf", "a\u0000b.png", "line\nbreak.png", "tab\t.pdf", "\u009b.png", "photo\u202egnp.exe", "a\u200bb.pdf", "\u2066x\u2069.png", "", "   ", "..", "."])("refuses %j", (name) => {
    expect(checkAttachmentName(name)).toEqual({ ok: false, key: "ATTACHMENT_NAME_INVALID" });
  });

  it("refuses names over 200 characters", () => {
    expect(checkAttachmentName(`${"a".repeat(196)}.png`)).toEqual({ ok: true, name: `${"a".repeat(196)}.png` });
    expect(checkAttachmentName(`${"a".repeat(197)}.png`)).toEqual({ ok: false, key: "ATTACHMENT_NAME_TOO_LONG" });
  });
});

describe("downloads", () => {
  it("offers the file under an extension that says what it is", () => {
    expect(downloadName("invoice.PDF", "PDF")).toBe("invoice.PDF");
    expect(downloadName("photo.jpeg", "JPEG")).toBe("photo.jpeg");
    expect(downloadName("photo.png", "PDF")).toBe("photo.png.pdf");
    expect(downloadName("scan", "WEBP")).toBe("scan.webp");
  });

  it("shows images inline and only downloads PDFs", () => {
    expect(["PNG", "JPEG", "WEBP"].map((t) => isShownInline(t as "PNG"))).toEqual([true, true, true]);
    expect(isShownInline("PDF")).toBe(false);
  });

  it("quotes the name safely in Content-Disposition", () => {
    expect(contentDisposition("attachment", 'Raport "maj"; 100%.pdf')).toBe(
      `attachment; filename="Raport _maj__ 100_.pdf"; filename*=UTF-8''Raport%20%22maj%22%3B%20100%25.pdf`,
    );
    expect(contentDisposition("inline", "zażółć.png")).toBe(`inline; filename="za____.png"; filename*=UTF-8''za%C5%BC%C3%B3%C5%82%C4%87.png`);
  });
});
