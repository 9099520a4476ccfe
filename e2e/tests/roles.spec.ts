import type { Page } from '@playwright/test';
import { expect, test } from '../support/fixtures.js';
import { StandpuntApi } from '../support/StandpuntApi.js';
import { wcagViolations } from '../support/wcagViolations.js';
import { openPaperAs, paperEditor, signIn, typeNewParagraph } from '../support/ui.js';

const toolbar = (page: Page) => page.getByRole('toolbar', { name: 'Opmaak' });

const COMMENTER_REASON = 'Je bent commentator: je kunt reageren, maar de tekst niet wijzigen.';

test('a commenter reads along with the reason shown, and writes once made writer, without a reload', async ({
  server,
  admin,
  createPerson,
  newPage,
}) => {
  const eva = await createPerson({ name: 'Eva Smit', municipality: 'GM0363' });
  const anna = await createPerson({ name: 'Anna de Vries', municipality: 'GM0344' });
  const bram = await createPerson({ name: 'Bram Jansen', municipality: 'GM0599' });
  const paper = await admin.createPaperWithMembers({ title: 'Samen beheren', theme: 'Beheer' }, [
    [eva, 'editor'],
    [anna, 'writer'],
    [bram, 'commenter'],
  ]);

  const writerPage = await newPage();
  const commenterPage = await newPage();
  await openPaperAs(writerPage, server.baseURL, anna, paper.title);
  await openPaperAs(commenterPage, server.baseURL, bram, paper.title);

  await test.step('the commenter sees why the text is read-only', async () => {
    await expect(commenterPage.getByText(COMMENTER_REASON)).toBeVisible();
    await expect(toolbar(commenterPage)).toHaveCount(0);
    await expect(paperEditor(commenterPage)).toHaveAttribute('contenteditable', 'false');
    await expect(toolbar(writerPage)).toBeVisible();
  });

  await test.step('opening the paper read-only sends no edits (nothing refused, nothing logged)', async () => {
    const refused = await admin.auditEvents({ paper: paper.id });
    expect(refused.filter((event) => event.type === 'collab.write_refused')).toEqual([]);
  });

  await test.step("the writer's typing reaches the commenter", async () => {
    const fromWriter = 'Gemeenten beheren hun software samen.';
    await typeNewParagraph(writerPage, fromWriter);
    await expect(paperEditor(commenterPage)).toContainText(fromWriter);
  });

  await test.step('the editor makes the commenter a writer: the editor opens up', async () => {
    const evaApi = await StandpuntApi.signIn(server.baseURL, eva);
    try {
      await evaApi.setMember(paper.id, bram.user.id, 'writer');
    } finally {
      await evaApi.dispose();
    }
    // No reload: the page reads the paper again within its refresh interval (20 s).
    await expect(toolbar(commenterPage)).toBeVisible({ timeout: 30_000 });
    await expect(commenterPage.getByText(COMMENTER_REASON)).toHaveCount(0);
    await expect(paperEditor(commenterPage)).toHaveAttribute('contenteditable', 'true');
  });

  await test.step('and what the former commenter types reaches the writer', async () => {
    const fromBram = 'Ook Rotterdam doet mee.';
    await typeNewParagraph(commenterPage, fromBram);
    await expect(paperEditor(writerPage)).toContainText(fromBram);
  });
});

test('an editor manages members and the phase from the paper page', async ({
  page,
  server,
  createPerson,
}) => {
  const eva = await createPerson({ name: 'Eva Smit', municipality: 'GM0363' });
  const bram = await createPerson({ name: 'Bram Jansen', municipality: 'GM0599' });
  // Eva creates the paper, so she is its only editor.
  const evaApi = await StandpuntApi.signIn(server.baseURL, eva);
  const paper = await evaApi.createPaper({ title: 'Dienstverlening dichtbij', theme: 'Beheer' });
  await evaApi.dispose();

  await openPaperAs(page, server.baseURL, eva, paper.title);

  await test.step('add a member and change their role', async () => {
    await page.getByRole('button', { name: 'Leden' }).click();
    await page
      .getByLabel('Persoon')
      .selectOption({ label: `Bram Jansen — Rotterdam (${bram.email})` });
    await page.getByLabel('Rol', { exact: true }).selectOption('commenter');
    await page.getByRole('button', { name: 'Toevoegen' }).click();
    await expect(
      page.getByRole('status').filter({ hasText: 'Bram Jansen is toegevoegd' }),
    ).toBeVisible();
    const role = page.getByLabel('Rol van Bram Jansen');
    await expect(role).toHaveValue('commenter');
    await role.selectOption('reader');
    await expect(
      page.getByRole('status').filter({ hasText: 'Bram Jansen is nu lezer' }),
    ).toBeVisible();
  });

  await test.step('the last editor cannot be taken away', async () => {
    await page.getByLabel('Rol van Eva Smit').selectOption('writer');
    await expect(page.getByRole('alert')).toContainText('minstens één redacteur');
    await expect(page.getByLabel('Rol van Eva Smit')).toHaveValue('editor');
  });

  await test.step('move the phase, after confirming', async () => {
    await page.getByLabel('Volgende fase').selectOption('consultatie');
    await page.getByRole('button', { name: 'Fase wijzigen…' }).click();
    await expect(page.getByText('Dit kan niet ongedaan worden gemaakt.')).toBeVisible();
    await page.getByRole('button', { name: 'Ja, naar Consultatie' }).click();
    await expect(
      page.getByRole('status').filter({ hasText: 'De fase is nu Consultatie.' }),
    ).toBeVisible();
    await expect(page.locator('[aria-current="step"]')).toContainText('Consultatie');
  });

  await test.step('set a closing date', async () => {
    await page.getByLabel('Sluitingsdatum consultatie').fill('2099-03-01T17:00');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await expect(page.getByText('Reageren kan tot 1 maart 2099, 17:00')).toBeVisible();
  });
});

test('the paper page with its members and the Logboek have no WCAG 2.1 AA violations', async ({
  page,
  server,
  admin,
  createPerson,
}) => {
  const eva = await createPerson({ name: 'Eva Smit', municipality: 'GM0363' });
  const bram = await createPerson({ name: 'Bram Jansen', municipality: 'GM0599' });
  // Not a member: someone the "Lid toevoegen" form can offer.
  await createPerson({ name: 'Carla Bakker', municipality: 'GM0014' });
  const paper = await admin.createPaperWithMembers(
    { title: 'Plus 1-gemeente', theme: 'Plus 1-gemeente' },
    [
      [eva, 'editor'],
      [bram, 'commenter'],
    ],
  );
  const evaApi = await StandpuntApi.signIn(server.baseURL, eva);
  await evaApi.setMember(paper.id, bram.user.id, 'writer');
  await evaApi.dispose();

  await openPaperAs(page, server.baseURL, eva, paper.title);
  await page.getByRole('button', { name: 'Leden' }).click();
  await expect(page.getByLabel('Rol van Bram Jansen')).toBeVisible();
  await expect(page.getByLabel('Persoon')).toBeVisible();
  expect(await wcagViolations(page), 'paper page with members').toEqual([]);

  await page.getByRole('link', { name: 'Logboek' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Logboek' })).toBeVisible();
  await expect(
    page.getByRole('cell', { name: 'Rol van Bram Jansen gewijzigd: commentator → schrijver' }),
  ).toBeVisible();
  expect(await wcagViolations(page), 'Logboek').toEqual([]);
});
