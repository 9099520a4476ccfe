import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from '../support/fixtures.js';
import {
  loginHeading,
  openPaperFromList,
  paperEditor,
  paperListHeading,
  signIn,
  typeNewParagraph,
} from '../support/ui.js';

const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Axe's WCAG 2.1 A/AA violations on the page as it is now, reduced to what helps fix them. */
async function violations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
  return results.violations.map((violation) => ({
    rule: violation.id,
    impact: violation.impact,
    help: violation.help,
    elements: violation.nodes.map((node) => node.target.join(' ')),
  }));
}

test('the login page has no WCAG 2.1 AA violations', async ({ page }) => {
  await page.goto('/');
  await expect(loginHeading(page)).toBeVisible();
  expect(await violations(page)).toEqual([]);
});

test('the paper list and a paper with text have no WCAG 2.1 AA violations', async ({
  page,
  server,
  admin,
  createPerson,
}) => {
  const anna = await createPerson({ name: 'Anna de Vries', municipality: 'GM0363' });
  const paper = await admin.createPaper({
    title: 'Gemeenten en de markt',
    theme: 'Gemeenten en markt',
  });
  await admin.setMember(paper.id, anna.user.id, 'editor');

  await signIn(page, server.baseURL, anna);
  await expect(page.getByRole('link', { name: paper.title, exact: true })).toBeVisible();
  expect(await violations(page), 'paper list').toEqual([]);

  await openPaperFromList(page, paper.title);
  const text = 'Gemeenten kopen samen in waar dat de inwoner helpt.';
  await typeNewParagraph(page, text);
  await expect(paperEditor(page)).toContainText(text);
  expect(await violations(page), 'paper page').toEqual([]);
});
