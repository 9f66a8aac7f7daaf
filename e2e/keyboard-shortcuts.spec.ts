import { expect, test, type Page } from "@playwright/test";
import { queryRows } from "./database";
import { cancelIfOpen, fileRequest, signedInAs } from "./flows";

// Support's keyboard shortcuts on the queue and the ticket page, on a ticket
// this spec files itself (so no seeded ticket changes hands) and cancels at
// the end (so later specs can file Acme's requests). Runs serially, sharing it.
test.describe.configure({ mode: "serial" });

let number = "";
const SEARCH = "Leeds trade fair";

const ticketUrl = (ticket: string) => new RegExp(`/support/tickets/${ticket}$`);
const formatNumber = (n: number) => `RR-${String(n).padStart(6, "0")}`;

/**
 * `?` opens the shortcuts dialog and Escape closes it, leaving the page where
 * it was. Retried until the page has hydrated (a key pressed before that has
 * no listener yet); a second `?` while the dialog is open does nothing.
 */
async function checkHelpDialog(page: Page, listed: string) {
  const url = page.url();
  const dialog = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(async () => {
    await page.keyboard.press("?");
    await expect(dialog).toBeVisible({ timeout: 1_000 });
  }).toPass();
  await expect(dialog).toContainText(listed);
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  expect(page.url()).toBe(url);
}

test.afterAll(({ browser }) => cancelIfOpen(browser, number));

test("[ACME ADMIN] files a CSV request for the shortcuts to work on", async ({ browser }) => {
  const { context, page } = await signedInAs(browser, "acmeAdmin");
  number = await fileRequest(page, { method: "CSV file", description: `About 40 contacts from the ${SEARCH} vanished overnight.` });
  await context.close();
});

test("[SUPPORT] on the queue, j and k move the highlight and o opens the highlighted ticket", async ({ browser }) => {
  const { context, page } = await signedInAs(browser, "support");
  await page.goto("/support/tickets");
  await expect(page.getByRole("button", { name: "Press ? for keyboard shortcuts" })).toBeVisible();
  await checkHelpDialog(page, "Highlight the next ticket");

  const rows = page.locator("tbody tr");
  await page.keyboard.press("j");
  await expect(rows.nth(0)).toHaveAttribute("aria-current", "true");
  await page.keyboard.press("j");
  await expect(rows.nth(1)).toHaveAttribute("aria-current", "true");
  await expect(rows.nth(0)).not.toHaveAttribute("aria-current", "true");
  await page.keyboard.press("k");
  await expect(rows.nth(0)).toHaveAttribute("aria-current", "true");
  // The keyboard focus follows the highlight, so a screen reader announces the ticket.
  const link = rows.nth(0).getByRole("link", { name: /^RR-\d{6}$/ });
  await expect(link).toBeFocused();

  const first = (await link.textContent())!;
  await page.keyboard.press("o");
  await expect(page).toHaveURL(ticketUrl(first));
  await context.close();
});

test("[SUPPORT] / goes to the search box (where keys type), a assigns the highlighted ticket to me", async ({ browser }) => {
  const { context, page } = await signedInAs(browser, "support");
  await page.goto("/support/tickets");
  await checkHelpDialog(page, "Assign the highlighted ticket to me");
  await page.keyboard.press("/");
  const search = page.getByRole("searchbox", { name: "Search tickets" });
  await expect(search).toBeFocused();
  // j, k, a and o typed in the box are letters, not shortcuts.
  await page.keyboard.type(SEARCH);
  await expect(search).toHaveValue(SEARCH);
  await expect(page.locator('tbody tr[aria-current="true"]')).toHaveCount(0);
  await expect(page.getByText("Highlight a ticket first")).toHaveCount(0);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/q=Leeds/);
  const rows = page.locator("tbody tr");
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(number);
  await expect(rows.first()).toContainText("Unassigned");

  await checkHelpDialog(page, "Assign the highlighted ticket to me");
  await page.keyboard.press("j");
  await expect(rows.first()).toHaveAttribute("aria-current", "true");
  await page.keyboard.press("a");
  await expect(page.getByText("1 ticket assigned")).toBeVisible();
  await expect(rows.first()).toContainText("Sara Support");
  await context.close();
});

test("[SUPPORT] on the ticket, r and n choose reply or note and put the cursor in the text; keys typed there stay text; Shift+A only opens Approve's confirmation", async ({ browser }) => {
  const { context, page } = await signedInAs(browser, "support");
  await page.goto(`/support/tickets/${number}`);
  await checkHelpDialog(page, "Write an internal note");

  const text = page.locator("#support-message");
  await page.keyboard.press("r");
  await expect(page.getByLabel("Reply to requester", { exact: true })).toBeChecked();
  await expect(text).toBeFocused();
  await page.keyboard.type("just a j and k");
  await expect(text).toHaveValue("just a j and k");
  await expect(page).toHaveURL(ticketUrl(number));

  await text.blur();
  await page.keyboard.press("n");
  await expect(page.getByLabel("Internal note", { exact: true })).toBeChecked();
  await expect(text).toBeFocused();
  await expect(text).toHaveValue("just a j and k");
  // With a note written, a stray r only puts the cursor back: the note never becomes a reply the customer reads.
  await text.blur();
  await page.keyboard.press("r");
  await expect(page.getByLabel("Internal note", { exact: true })).toBeChecked();
  await expect(text).toBeFocused();

  // Submitted: there is nothing to approve yet, and the key says so.
  await text.blur();
  await page.keyboard.press("Shift+A");
  await expect(page.getByText("Approve is not available for this ticket now.")).toBeVisible();
  await page.getByRole("button", { name: "Start review" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("In review");

  await page.keyboard.press("Shift+A");
  const approve = page.getByRole("dialog", { name: "Approve the restore" });
  await expect(approve).toBeVisible();
  // Inside the dialog the keys are the dialog's: Escape closes it and approves nothing.
  await page.keyboard.press("j");
  await expect(page).toHaveURL(ticketUrl(number));
  await page.keyboard.press("Escape");
  await expect(approve).toBeHidden();
  await expect(page).toHaveURL(ticketUrl(number));
  await expect(page.getByRole("heading", { level: 1 })).toContainText("In review");
  await context.close();
});

test("[SUPPORT] j and k on the ticket go to the next and previous open ticket in the queue's order; u goes back to the queue the agent came from", async ({ browser }) => {
  // The queue's default order, straight from the database: open tickets, backup closest to expiry first.
  const order = (await queryRows<{ number: number }>(`SELECT number FROM restore_ticket WHERE "closedAt" IS NULL ORDER BY "backupExpiresAt" ASC NULLS LAST, number DESC`)).map((row) =>
    formatNumber(row.number),
  );
  const at = order.indexOf(number);
  expect(at).toBeGreaterThanOrEqual(0);
  const [away, back, neighbour] = order[at + 1] ? (["j", "k", order[at + 1]] as const) : (["k", "j", order[at - 1]] as const);
  expect(neighbour).toBeTruthy();

  const { context, page } = await signedInAs(browser, "support");
  await page.goto(`/support/tickets?q=${encodeURIComponent(SEARCH)}`);
  await page.getByRole("link", { name: number }).click();
  await expect(page).toHaveURL(ticketUrl(number));
  await checkHelpDialog(page, "Next ticket in the queue");

  await page.keyboard.press(away);
  await expect(page).toHaveURL(ticketUrl(neighbour));
  await expect(page.getByRole("heading", { level: 1 })).toContainText(neighbour);
  await checkHelpDialog(page, "Previous ticket in the queue");
  await page.keyboard.press(back);
  await expect(page).toHaveURL(ticketUrl(number));

  await checkHelpDialog(page, "Back to the queue");
  await page.keyboard.press("u");
  await expect(page).toHaveURL(/\/support\/tickets\?q=Leeds/);
  await context.close();
});
