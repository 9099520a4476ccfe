import { expect, test } from '../support/fixtures.js';
import {
  caretLabel,
  loginHeading,
  openPaperFromList,
  paperEditor,
  presenceList,
  signIn,
  typeNewParagraph,
  openPaperAs,
} from '../support/ui.js';
import { wcagViolations } from '../support/wcagViolations.js';

test('the login page has no WCAG 2.1 AA violations', async ({ page }) => {
  await page.goto('/');
  await expect(loginHeading(page)).toBeVisible();
  expect(await wcagViolations(page)).toEqual([]);
});

test('the paper list, and a paper with text and another person in it, have no WCAG 2.1 AA violations', async ({
  page,
  server,
  admin,
  createPerson,
  newPage,
}) => {
  const anna = await createPerson({ name: 'Anna de Vries', municipality: 'GM0363' });
  const bram = await createPerson({ name: 'Bram Jansen', municipality: 'GM0344' });
  const paper = await admin.createPaperWithMembers(
    {
      title: 'Gemeenten en de markt',
      theme: 'Gemeenten en markt',
    },
    [
      [anna, 'editor'],
      [bram, 'writer'],
    ],
  );

  await signIn(page, server.baseURL, anna);
  await expect(page.getByRole('link', { name: paper.title, exact: true })).toBeVisible();
  expect(await wcagViolations(page), 'paper list').toEqual([]);

  await openPaperFromList(page, paper.title);
  const text = 'Gemeenten kopen samen in waar dat de inwoner helpt.';
  await typeNewParagraph(page, text);
  await expect(paperEditor(page)).toContainText(text);

  // Someone else in the paper adds a caret and a second entry in the presence list.
  const bramPage = await newPage();
  await openPaperAs(bramPage, server.baseURL, bram, paper.title);
  const reply = 'Utrecht sluit zich aan.';
  await typeNewParagraph(bramPage, reply);
  await expect(paperEditor(page)).toContainText(reply);
  await expect(caretLabel(page, bram.label)).toBeVisible();
  await expect(presenceList(page)).toContainText('Bram Jansen');

  expect(await wcagViolations(page), 'paper page').toEqual([]);
});
