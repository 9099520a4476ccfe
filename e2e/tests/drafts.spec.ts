import { readFile } from 'node:fs/promises';
import type { Download, Locator, Page } from '@playwright/test';
import { expect, test } from '../support/fixtures.js';
import { openPaperAs, paperEditor, typeNewParagraph } from '../support/ui.js';
import { wcagViolations } from '../support/wcagViolations.js';

/** Clicks a download link and waits for the file the browser saved. */
async function download(page: Page, link: Locator): Promise<Download> {
  const [file] = await Promise.all([page.waitForEvent('download'), link.click()]);
  return file;
}

async function firstBytes(file: Download, count: number): Promise<string> {
  const path = await file.path();
  return (await readFile(path)).subarray(0, count).toString('latin1');
}

const saved = (page: Page) => page.getByText('Alle wijzigingen opgeslagen');

test('an editor freezes a draft, reads it numbered, downloads it and compares it with the live text', async ({
  page,
  server,
  admin,
  createPerson,
}) => {
  const eva = await createPerson({ name: 'Eva Smit', municipality: 'GM0363' });
  const paper = await admin.createPaperWithMembers(
    { title: 'Digitale identiteit', theme: 'Identiteit' },
    [[eva, 'editor']],
  );
  const first = 'Gemeenten werken samen.';
  const second = 'Inwoners houden de regie.';
  const added = 'De VNG coördineert.';

  await openPaperAs(page, server.baseURL, eva, paper.title);
  await typeNewParagraph(page, first);
  await typeNewParagraph(page, second);
  await expect(saved(page)).toBeVisible();

  await test.step('freeze a draft on the paper page, confirming that it is permanent', async () => {
    await page.getByRole('button', { name: 'Versies' }).click();
    await page.getByLabel('Naam van de versie').fill('Werkversie');
    await page.getByRole('button', { name: 'Vastleggen', exact: true }).click();
    const confirmation = page.getByRole('group', { name: '‘Werkversie’ vastleggen?' });
    await expect(confirmation).toContainText('definitief');
    await confirmation.getByRole('button', { name: 'Ja, vastleggen' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Versie 1 is vastgelegd' })).toHaveText(
      'Versie 1 is vastgelegd: Werkversie.',
    );
    await expect(page.getByRole('row', { name: /Versie 1 Werkversie/ })).toBeVisible();
    expect(await wcagViolations(page), 'versions on the paper page').toEqual([]);
  });

  await test.step('the draft page shows the text with numbered paragraphs and sections', async () => {
    await page.getByRole('link', { name: 'Versie 1', exact: true }).click();
    await expect(
      page.getByRole('heading', { level: 1, name: 'Versie 1: Werkversie' }),
    ).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`/papers/${paper.id}/versies/1$`));
    const text = page.getByRole('region', { name: 'Tekst van versie 1' });
    await expect(text.locator('#alinea-1')).toContainText(first);
    await expect(text.locator('#alinea-1')).toContainText('Alinea 1');
    await expect(text.locator('#alinea-2')).toContainText(second);
    await expect(text.locator('#alinea-2 .standpunt-draft-block__number')).toBeVisible();
    await expect(text.getByRole('heading', { name: `§ 1 ${paper.title}` })).toBeVisible();
    expect(await wcagViolations(page), 'draft page').toEqual([]);
  });

  await test.step('download the draft as Word and as PDF', async () => {
    const docx = await download(
      page,
      page.getByRole('link', { name: 'Versie 1 als Word-document (DOCX)' }),
    );
    expect(docx.suggestedFilename()).toMatch(/\.docx$/);
    expect(await firstBytes(docx, 2)).toBe('PK');
    const pdf = await download(page, page.getByRole('link', { name: 'Versie 1 als PDF-document' }));
    expect(pdf.suggestedFilename()).toMatch(/\.pdf$/);
    expect(await firstBytes(pdf, 4)).toBe('%PDF');
  });

  await test.step('after a change, the comparison with the live text shows it inserted', async () => {
    await page.getByRole('link', { name: paper.title, exact: true }).click();
    await expect(paperEditor(page)).toContainText(second);
    await typeNewParagraph(page, added);
    await expect(saved(page)).toBeVisible();

    await page.goto(new URL(`/papers/${paper.id}/versies/1`, server.baseURL).href);
    await page.getByLabel('Vergelijken met').selectOption({ label: 'Huidige tekst' });
    await page.getByRole('button', { name: 'Vergelijken', exact: true }).click();
    await expect(
      page.getByRole('heading', { level: 1, name: 'Versie 1 vergeleken met de huidige tekst' }),
    ).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`/papers/${paper.id}/versies/1/vergelijk/live$`));
    await expect(page.getByRole('list', { name: 'Samenvatting van de verschillen' })).toContainText(
      '1 toegevoegd',
    );
    const block = page.getByRole('listitem').filter({ hasText: added });
    await expect(block).toContainText('Toegevoegd');
    await expect(block.locator('ins')).toContainText(added);
    expect(await wcagViolations(page), 'compare view').toEqual([]);
  });
});
