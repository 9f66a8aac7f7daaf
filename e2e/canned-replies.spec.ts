import { expect, test } from "@playwright/test";
import { queryRows } from "./database";
import { signedInAs } from "./flows";

// Support keeps the answers it gives again and again (/support/canned-replies)
// and inserts them on a ticket, filled with that ticket's details, in the
// requester's language first. RR-000007 (Cyberdyne, in review) has a Polish
// requester and is used by no other spec; the answer goes in as an internal
// note so the ticket's first-response time stays as the demo has it.
test.describe.configure({ mode: "serial" });

const TICKET = "RR-000007";

test("[SUPPORT] writes a canned reply with variables; an unknown variable or a taken title is refused and nothing is stored; edits and deletes it", async ({ browser }) => {
  const { context, page } = await signedInAs(browser, "support");
  const title = `Follow-up after a call ${Date.now()}`;
  const stored = async () => queryRows<{ body: string; editor: string | null }>(`SELECT c.body, u.name AS editor FROM canned_reply c LEFT JOIN app_user u ON u.id = c."updatedById" WHERE c.title = $1`, [title]);

  await page.goto("/support/canned-replies");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Canned replies");
  await expect(page.getByTestId("canned-replies-en")).toContainText("We need the approximate time of the deletion");
  await expect(page.getByTestId("canned-replies-pl")).toContainText("Potrzebujemy przybliżonej godziny usunięcia");

  const editor = page.getByRole("form", { name: "New canned reply" });
  const text = editor.getByLabel("Text", { exact: true });
  await editor.getByLabel("Language", { exact: true }).selectOption("en");
  await editor.getByLabel("Title", { exact: true }).fill(title);
  await text.fill("Hello {{customerName}}, thanks for the call about {{ticketNumber}}.");
  await editor.getByRole("button", { name: "Create canned reply" }).click();
  await expect(editor.getByRole("alert")).toContainText("Unknown variable: {{customerName}}");
  expect(await stored()).toHaveLength(0);
  // What was typed stays, to be fixed.
  await expect(editor.getByLabel("Title", { exact: true })).toHaveValue(title);

  // The variables go in where the cursor is.
  await text.fill("Hello ");
  await editor.getByRole("button", { name: "Insert {{requesterName}}" }).click();
  await expect(text).toBeFocused();
  await text.pressSequentially(", thanks for the call about ");
  await editor.getByRole("button", { name: "Insert {{ticketNumber}}" }).click();
  await expect(text).toHaveValue("Hello {{requesterName}}, thanks for the call about {{ticketNumber}}");
  await editor.getByRole("button", { name: "Create canned reply" }).click();
  await expect(page.getByRole("listitem").filter({ hasText: title })).toContainText("Last edited by Sara Support");
  expect(await stored()).toEqual([{ body: "Hello {{requesterName}}, thanks for the call about {{ticketNumber}}", editor: "Sara Support" }]);

  // A title English already has is refused.
  await editor.getByLabel("Title", { exact: true }).fill("We need the approximate time of the deletion");
  await text.fill("Another text");
  await editor.getByRole("button", { name: "Create canned reply" }).click();
  await expect(editor.getByRole("alert")).toContainText("already exists in this language");
  expect(await queryRows(`SELECT 1 FROM canned_reply WHERE body = 'Another text'`)).toHaveLength(0);

  // Search, then edit.
  const search = page.getByRole("search");
  await search.getByRole("searchbox", { name: "Search canned replies" }).fill("thanks for the call");
  await search.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/q=thanks/);
  await expect(page.getByTestId("canned-replies-en").getByRole("listitem")).toHaveCount(1);
  await page.getByRole("link", { name: `Edit “${title}”` }).click();
  const edit = page.getByRole("form", { name: `Edit “${title}”` });
  await edit.getByLabel("Text", { exact: true }).fill("Hello {{requesterName}}, as agreed on the phone: {{restoreDate}}.");
  await edit.getByRole("button", { name: "Save changes" }).click();
  await expect(page).toHaveURL(/\/support\/canned-replies$/);
  await expect(page.getByRole("listitem").filter({ hasText: title })).toContainText("as agreed on the phone");

  // Delete asks first.
  await page.getByRole("button", { name: `Delete “${title}”` }).click();
  const confirm = page.getByRole("dialog", { name: `Delete “${title}”?` });
  await confirm.getByRole("button", { name: "Delete" }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByRole("listitem").filter({ hasText: title })).toHaveCount(0);
  expect(await stored()).toHaveLength(0);
  await context.close();
});

test("[SUPPORT] on a Polish requester's ticket the picker offers the Polish replies first and inserts one filled in at the cursor", async ({ browser }) => {
  const [ticket] = await queryRows<{ day: string; requester: string; locale: string }>(
    `SELECT to_char(t."restoreDate", 'YYYY-MM-DD') AS day, u.name AS requester, u.locale FROM restore_ticket t JOIN app_user u ON u.id = t."requesterId" WHERE t.number = 7`,
  );
  expect(ticket.locale).toBe("pl");
  const restoreDate = new Intl.DateTimeFormat("pl", { dateStyle: "long", timeZone: "UTC" }).format(new Date(`${ticket.day}T00:00:00Z`));

  const { context, page } = await signedInAs(browser, "support");
  await page.goto(`/support/tickets/${TICKET}`);
  await page.getByLabel("Internal note", { exact: true }).check();
  const textarea = page.getByLabel("Internal note (staff only)");
  await textarea.fill("Rozmowa z klientem. ");

  const open = page.getByRole("button", { name: "Canned replies" });
  const dialog = page.getByRole("dialog", { name: "Canned replies" });
  const search = dialog.getByRole("combobox", { name: "Search by title or text" });
  const options = dialog.getByRole("option");

  // Escape closes and changes nothing.
  await open.click();
  await expect(search).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(textarea).toHaveValue("Rozmowa z klientem. ");

  await open.click();
  await expect(dialog.getByRole("group").first()).toContainText("Polski");
  await expect(dialog.getByRole("group").first()).toContainText("requester’s language");
  await expect(options.first()).toHaveAttribute("lang", "pl");
  await expect(options.first()).toHaveAttribute("aria-selected", "true");
  // Arrow keys move the choice.
  await search.press("ArrowDown");
  await expect(options.nth(1)).toHaveAttribute("aria-selected", "true");
  await search.press("ArrowUp");
  await expect(options.first()).toHaveAttribute("aria-selected", "true");

  await search.fill("pełne przywrócenie");
  await expect(options.first()).toHaveText("Plik CSV czy pełne przywrócenie: co wybrać");
  await expect(options.first()).toHaveAttribute("aria-selected", "true");
  const preview = dialog.getByTestId("canned-reply-preview");
  await expect(preview).toContainText(`zgłoszeniem ${TICKET}`);
  await expect(preview).toContainText(`z dnia ${restoreDate}`);
  await search.press("Enter");
  await expect(dialog).toBeHidden();
  await expect(textarea).toBeFocused();

  const value = await textarea.inputValue();
  expect(value.startsWith(`Rozmowa z klientem. Dzień dobry ${ticket.requester},`)).toBe(true);
  expect(value).toContain(`zanim zajmiemy się zgłoszeniem ${TICKET}, potwierdź`);
  expect(value).toContain(`leadami w stanie z dnia ${restoreDate}`);
  expect(value).toContain("Pozdrawiam\nSara Support");
  expect(value).not.toContain("{{");

  await page.getByRole("button", { name: "Add note" }).click();
  await expect(page.getByRole("list", { name: "Timeline" })).toContainText(`zanim zajmiemy się zgłoszeniem ${TICKET}, potwierdź`);
  await expect(textarea).toHaveValue("");

  // The picker leads to the replies' page.
  await open.click();
  await dialog.getByRole("link", { name: "Manage canned replies" }).click();
  await expect(page).toHaveURL(/\/support\/canned-replies$/);
  await context.close();
});

test("[ACME ADMIN] the canned replies page does not exist for customers", async ({ browser }) => {
  const { context, page } = await signedInAs(browser, "acmeAdmin");
  const response = await page.goto("/support/canned-replies");
  expect(response?.status()).toBe(404);
  await context.close();
});
