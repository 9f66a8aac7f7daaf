import { expect, test as setup } from "@playwright/test";
import { DEMO_PASSWORD, storageStatePath, USERS, type DemoUser } from "./users";

// Signs each demo user in once through the real form; specs reuse the sessions.
for (const [user, { email, home }] of Object.entries(USERS)) {
  setup(`sign in as ${user}`, async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(new RegExp(`${home}$`));
    await page.context().storageState({ path: storageStatePath(user as DemoUser) });
  });
}
