/**
 * The app's screens as a person finds them: by role and accessible name, as the client's UI
 * contract names them (Dutch, the default language).
 */
import { expect, type Locator, type Page } from '@playwright/test';

export const loginHeading = (page: Page): Locator =>
  page.getByRole('heading', { level: 1, name: 'Inloggen bij Standpunt' });

export const paperListHeading = (page: Page): Locator =>
  page.getByRole('heading', { level: 1, name: 'Positionpapers' });

/** The collaborative editor of a paper (contenteditable, role textbox). */
export const paperEditor = (page: Page): Locator =>
  page.getByRole('textbox', { name: 'Tekst van het positionpaper' });

/** The list of people who have the paper open. */
export const presenceList = (page: Page): Locator => {
  const name = 'Nu in dit positionpaper';
  return page.getByRole('complementary', { name }).or(page.getByRole('region', { name }));
};

/** The connection status, once the collaboration socket is synced. */
export const connectedStatus = (page: Page): Locator =>
  page.getByRole('status').filter({ hasText: /^\s*Verbonden\s*$/ });

/** The name label on another person's caret in the editor. */
export const caretLabel = (page: Page, label: string): Locator =>
  page.locator('.collaboration-carets__label', { hasText: label });

/** Fills in the login form; does not wait for what comes after it. */
export async function submitLogin(
  page: Page,
  credentials: { email: string; password: string },
): Promise<void> {
  await expect(loginHeading(page)).toBeVisible();
  await page.getByLabel('E-mailadres').fill(credentials.email);
  await page.getByLabel('Wachtwoord').fill(credentials.password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
}

/** Signs out with the header's button and waits for the login page. */
export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Uitloggen' }).click();
  await expect(loginHeading(page)).toBeVisible();
}

/** Signs in through the login page at `baseURL` and waits for the list of papers. */
export async function signIn(
  page: Page,
  baseURL: string,
  credentials: { email: string; password: string },
): Promise<void> {
  await page.goto(new URL('/', baseURL).href);
  await submitLogin(page, credentials);
  await expect(paperListHeading(page)).toBeVisible();
}

/** Opens a paper from the list and waits until its editor is connected. */
export async function openPaperFromList(page: Page, title: string): Promise<void> {
  await page.getByRole('link', { name: title, exact: true }).click();
  await expectPaperOpen(page, title);
}

/** Signs a person in on their own page and opens the paper from their list. */
export async function openPaperAs(
  page: Page,
  baseURL: string,
  person: { email: string; password: string },
  title: string,
): Promise<void> {
  await signIn(page, baseURL, person);
  await openPaperFromList(page, title);
}

/** The paper page shows its title, its editor, and is connected. */
export async function expectPaperOpen(page: Page, title: string): Promise<void> {
  // The text itself starts with the title as a heading too: the page's own comes first.
  await expect(page.getByRole('heading', { level: 1, name: title }).first()).toBeVisible();
  await expect(paperEditor(page)).toBeVisible();
  await expect(connectedStatus(page)).toBeVisible();
}

/**
 * Types `text` in a paragraph of its own at the very end: the last block when it is empty (as in
 * a new paper), a new one otherwise.
 */
export async function typeNewParagraph(page: Page, text: string): Promise<void> {
  const editor = paperEditor(page);
  await editor.click();
  await page.keyboard.press('Control+End');
  const lastBlock = editor.locator(':scope > *').last();
  if (((await lastBlock.textContent()) ?? '').trim() !== '') await page.keyboard.press('Enter');
  await page.keyboard.type(text);
}
