import { expect, test, type Page } from "@playwright/test";
import { baseURL } from "../playwright.config";
import { queryRows } from "./database";
import { cancelIfOpen, fileRequest, signedInAs } from "./flows";

// Attachments on both sides of a ticket and two agents on one ticket, on a
// request the Acme admin files here and cancels at the end (one open request
// per account: later specs file their own).
test.describe.configure({ mode: "serial" });

const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", "base64");
const PDF = Buffer.from("%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n");
const HTML = Buffer.from("<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>");
const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');

let number = "";
let attachmentUrls: string[] = [];

async function attach(page: Page, files: { name: string; mimeType: string; buffer: Buffer }[]) {
  await page.getByTestId("attachment-input").setInputFiles(files);
}

test("[ACME ADMIN] attaches a screenshot and a PDF to a reply; a renamed HTML file and an SVG are refused", async ({ browser }) => {
  const { context, page } = await signedInAs(browser, "acmeAdmin");
  number = await fileRequest(page, { method: "CSV file", description: "Contacts of the Gdańsk office vanished; screenshot of the empty list attached." });
  await attach(page, [
    { name: "empty list.png", mimeType: "image/png", buffer: PNG },
    { name: "export log.pdf", mimeType: "application/pdf", buffer: PDF },
    { name: "innocent.png", mimeType: "image/png", buffer: HTML },
    { name: "diagram.svg", mimeType: "image/svg+xml", buffer: SVG },
  ]);
  const chosen = page.getByRole("list", { name: "Attached files" });
  await expect(chosen.getByText(/· attached$/)).toHaveCount(2);
  await expect(chosen.getByText(/Only PNG, JPEG and WebP images and PDF documents can be attached/)).toHaveCount(2);
  await chosen.getByRole("button", { name: "Remove innocent.png" }).click();
  await chosen.getByRole("button", { name: "Remove diagram.svg" }).click();
  // Reloading before sending loses nothing: the uploads are still there, to send or remove.
  await page.reload();
  await expect(page.getByRole("list", { name: "Attached files" }).getByText(/· attached$/)).toHaveCount(2);
  await page.getByLabel("Reply to support").fill("Here is what the list looks like now.");
  await page.getByRole("button", { name: "Send reply" }).click();

  const timeline = page.getByRole("list", { name: "Timeline" });
  await expect(timeline).toContainText("Here is what the list looks like now.");
  const files = timeline.getByRole("list", { name: "Attachments" });
  await expect(files.getByRole("img", { name: "empty list.png" })).toBeVisible();
  await expect(files.getByRole("link", { name: /export log\.pdf/ })).toBeVisible();
  // The image really loaded (the browser decoded it), from the tenant-checked route.
  await expect.poll(() => files.getByRole("img", { name: "empty list.png" }).evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1);
  const imageUrl = await files.getByRole("link").filter({ has: page.getByRole("img", { name: "empty list.png" }) }).getAttribute("href");
  const pdfUrl = await files.getByRole("link", { name: /export log\.pdf/ }).getAttribute("href");
  attachmentUrls = [imageUrl!, pdfUrl!];
  // Nothing of the refused files was kept.
  const rows = await queryRows<{ fileName: string }>(`SELECT "fileName" FROM ticket_attachment a JOIN restore_ticket t ON t.id = a."ticketId" WHERE t.number = $1 ORDER BY 1`, [Number(number.slice(3))]);
  expect(rows.map((r) => r.fileName)).toEqual(["empty list.png", "export log.pdf"]);
  await context.close();
});

test("[ACME ADMIN] crafted uploads are refused with a message and store nothing", async ({ browser }) => {
  const { context, page } = await signedInAs(browser, "acmeAdmin");
  await page.goto(`/recovery/${number}`);
  const post = (name: string, body: Buffer, headers: Record<string, string> = {}) =>
    page.request.post(`/api/tickets/${number}/attachments`, { headers: { "X-File-Name": name, Origin: baseURL, ...headers }, data: body });
  const cases = [
    { name: "innocent.png", body: HTML, status: 400, message: /whatever its name says/ },
    { name: "drawing.svg", body: SVG, status: 400, message: /Only PNG, JPEG/ },
    { name: "empty.png", body: Buffer.alloc(0), status: 400, message: /The file is empty/ },
    { name: encodeURIComponent("../../etc/passwd.png"), body: PNG, status: 400, message: /name is not allowed/ },
    { name: encodeURIComponent("bell\u0007.png"), body: PNG, status: 400, message: /name is not allowed/ },
    { name: "%E0%A4%A", body: PNG, status: 400, message: /name is not allowed/ },
    { name: "big.png", body: Buffer.concat([PNG, Buffer.alloc(10 * 1024 * 1024)]), status: 413, message: /larger than 10 MB/ },
  ];
  const before = await queryRows(`SELECT count(*)::int AS n FROM ticket_attachment`);
  for (const { name, body, status, message } of cases) {
    const response = await post(name, body);
    expect(response.status(), name).toBe(status);
    expect((await response.json()).message, name).toMatch(message);
  }
  expect(await queryRows(`SELECT count(*)::int AS n FROM ticket_attachment`)).toEqual(before);
  // A form post from another site is refused before anything is read.
  expect((await post("a.png", PNG, { Origin: "https://evil.example" })).status()).toBe(403);
  await context.close();
});

test("[SUPPORT] sees the files; images inline, the PDF only as a download, nothing sniffable; another account gets 404", async ({ browser }) => {
  const support = await signedInAs(browser, "support");
  await support.page.goto(`/support/tickets/${number}`);
  const files = support.page.getByRole("list", { name: "Timeline" }).getByRole("list", { name: "Attachments" });
  await expect(files.getByRole("img", { name: "empty list.png" })).toBeVisible();
  const [image, pdf] = attachmentUrls;
  const shown = await support.page.request.get(image);
  expect(shown.status()).toBe(200);
  expect(shown.headers()["content-type"]).toBe("image/png");
  expect(shown.headers()["content-disposition"]).toMatch(/^inline; /);
  expect(shown.headers()["x-content-type-options"]).toBe("nosniff");
  expect(shown.headers()["content-security-policy"]).toBe("default-src 'none'; sandbox; frame-ancestors 'none'");
  const download = await support.page.request.get(pdf);
  expect(download.headers()["content-type"]).toBe("application/pdf");
  expect(download.headers()["content-disposition"]).toMatch(/^attachment; filename="export log\.pdf"/);
  expect(download.headers()["content-security-policy"]).toBe("default-src 'none'; sandbox; frame-ancestors 'none'");
  expect(Buffer.from(await download.body()).equals(PDF)).toBe(true);
  await support.context.close();

  const globex = await signedInAs(browser, "globexAdmin");
  for (const url of [image, pdf, image.replace(/[0-9a-f-]{36}$/, "00000000-0000-4000-8000-000000000000"), image.replace(/[0-9a-f-]{36}$/, "not-a-uuid")]) {
    const response = await globex.page.request.get(url);
    expect(response.status(), url).toBe(404);
    expect(await response.text()).toBe("File not found.");
  }
  // Nor can they (or the uploader, once it is sent) take a file back.
  expect((await globex.page.request.delete(image, { headers: { Origin: baseURL } })).status()).toBe(404);
  expect((await queryRows(`SELECT 1 FROM ticket_attachment WHERE id = $1`, [image.split("/").pop()])).length).toBe(1);
  await globex.context.close();
});

/**
 * The next presence beat this page sends (one with `typing` set so, if given), once answered: what it brought
 * back is what the page shows next. "Within 5 s" is counted in beats — a page sends one every 3 s and at once
 * when typing starts, so news reaches another agent on their first beat after it — and not in seconds of a
 * machine that may be busy: only a page that needs more beats than that fails.
 */
function nextBeat(page: Page, { typing }: { typing?: boolean } = {}) {
  return page
    .waitForRequest((request) => {
      if (request.method() !== "POST" || !request.url().endsWith("/presence")) return false;
      const sent = request.postDataJSON() as { typing?: boolean; leaving?: boolean };
      return !sent.leaving && (typing === undefined || sent.typing === typing);
    })
    .then((request) => request.response());
}

test.afterAll(({ browser }) => cancelIfOpen(browser, number));

test("[SUPPORT + LEAD] see each other on the ticket within 5 s, typing shows, the queue marks it, a stale reply is held", async ({ browser }) => {
  const sara = await signedInAs(browser, "support");
  const leon = await signedInAs(browser, "lead");
  const saraArrived = nextBeat(sara.page);
  await sara.page.goto(`/support/tickets/${number}`);
  await saraArrived;
  const leonArrived = nextBeat(leon.page);
  await leon.page.goto(`/support/tickets/${number}`);
  await leonArrived;
  // Leon's first beat brought Sara back; Sara's next one brings Leon.
  await expect(leon.page.getByTestId("ticket-presence")).toContainText("Sara Support is viewing");
  await nextBeat(sara.page);
  await expect(sara.page.getByTestId("ticket-presence")).toContainText("Leon Lead is viewing");

  await leon.page.getByLabel("Internal note").check();
  const leonTyping = nextBeat(leon.page, { typing: true });
  await leon.page.getByLabel("Internal note (staff only)").pressSequentially("Looking at the import log");
  await leonTyping;
  await nextBeat(sara.page);
  await expect(sara.page.getByTestId("ticket-presence")).toContainText("Leon Lead is typing a reply…");

  // The queue marks the ticket someone is on (for everyone but them).
  const queue = await sara.context.newPage();
  await queue.goto(`/support/tickets?q=${number}`);
  await expect(queue.getByRole("row", { name: new RegExp(number) })).toContainText("Leon Lead");
  await queue.close();

  // Sara starts a reply; Leon's note changes the ticket under her.
  await sara.page.getByLabel("Reply (the requester sees it)").fill("We are restoring the Gdańsk contacts now.");
  await leon.page.getByRole("button", { name: "Add note" }).click();
  await expect(leon.page.getByRole("list", { name: "Timeline" })).toContainText("Looking at the import log");
  await nextBeat(sara.page);
  await expect(sara.page.getByRole("alert").filter({ hasText: "This ticket changed since you opened it" })).toBeVisible();
  await sara.page.getByRole("button", { name: "Send reply" }).click();
  await expect(sara.page.getByText("Not sent: this ticket changed")).toBeVisible();
  await expect(sara.page.getByLabel("Reply (the requester sees it)")).toHaveValue("We are restoring the Gdańsk contacts now.");
  await expect(sara.page.getByRole("list", { name: "Timeline" })).not.toContainText("We are restoring the Gdańsk contacts now.");

  // Reviewing the changes shows Leon's note, keeps her text, and sending works.
  await sara.page.getByRole("button", { name: "Show the changes" }).click();
  await expect(sara.page.getByRole("list", { name: "Timeline" })).toContainText("Looking at the import log");
  await expect(sara.page.getByLabel("Reply (the requester sees it)")).toHaveValue("We are restoring the Gdańsk contacts now.");
  await sara.page.getByRole("button", { name: "Send reply" }).click();
  await expect(sara.page.getByRole("list", { name: "Timeline" })).toContainText("We are restoring the Gdańsk contacts now.");

  // Leon leaves: Sara stops seeing him without reloading.
  await leon.context.close();
  await expect(sara.page.getByTestId("ticket-presence")).toHaveCount(0, { timeout: 30_000 });

  // Presence is staff-only and tenant-checked: a customer's update is refused and nothing is stored.
  const admin = await signedInAs(browser, "acmeAdmin");
  await admin.page.goto(`/recovery/${number}`);
  const refused = await admin.page.request.post(`/api/tickets/${number}/presence`, { headers: { Origin: baseURL }, data: { typing: true } });
  expect(refused.status()).toBe(404);
  const malformed = await sara.page.request.post(`/api/tickets/${number}/presence`, { headers: { Origin: baseURL }, data: "{not json" });
  expect(malformed.status()).toBe(400);
  const stored = await queryRows<{ n: number }>(`SELECT count(*)::int AS n FROM ticket_presence p JOIN app_user u ON u.id = p."userId" WHERE u.kind = 'CUSTOMER'`);
  expect(stored[0].n).toBe(0);
  await sara.context.close();

  await admin.page.getByRole("button", { name: "Cancel request" }).click();
  await admin.page.getByRole("dialog").getByRole("button", { name: "Cancel request" }).click();
  await expect(admin.page.getByText("Cancelled").first()).toBeVisible();
  await admin.context.close();
});
