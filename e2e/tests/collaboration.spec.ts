import { expect, test } from '../support/fixtures.js';
import {
  caretLabel,
  expectPaperOpen,
  openPaperAs,
  paperEditor,
  presenceList,
  typeNewParagraph,
} from '../support/ui.js';

test('two municipalities write one paper live, and the text survives a reload and a restart', async ({
  server,
  admin,
  createPerson,
  newPage,
}) => {
  const anna = await createPerson({ name: 'Anna de Vries', municipality: 'GM0363' });
  const bram = await createPerson({ name: 'Bram Jansen', municipality: 'GM0344' });
  const paper = await admin.createPaperWithMembers(
    {
      title: 'Samen digitale identiteit regelen',
      theme: 'Digitale identiteit',
    },
    [
      [anna, 'writer'],
      [bram, 'writer'],
    ],
  );

  const annaPage = await newPage();
  const bramPage = await newPage();
  await openPaperAs(annaPage, server.baseURL, anna, paper.title);
  await openPaperAs(bramPage, server.baseURL, bram, paper.title);

  const fromAmsterdam = 'Amsterdam wil een wallet die iedereen kan gebruiken.';
  const fromUtrecht = 'Utrecht vraagt om open standaarden.';

  await test.step('each sees the other type, with a named caret', async () => {
    await typeNewParagraph(annaPage, fromAmsterdam);
    await expect(paperEditor(bramPage)).toContainText(fromAmsterdam);

    await typeNewParagraph(bramPage, fromUtrecht);
    await expect(paperEditor(annaPage)).toContainText(fromUtrecht);

    await expect(caretLabel(annaPage, bram.label)).toBeVisible();
    await expect(caretLabel(bramPage, anna.label)).toBeVisible();
  });

  await test.step('both are listed as present', async () => {
    for (const page of [annaPage, bramPage]) {
      await expect(presenceList(page)).toContainText('Anna de Vries');
      await expect(presenceList(page)).toContainText('Bram Jansen');
    }
  });

  await test.step('a reload keeps the text', async () => {
    await annaPage.reload();
    await expectPaperOpen(annaPage, paper.title);
    await expect(paperEditor(annaPage)).toContainText(fromAmsterdam);
    await expect(paperEditor(annaPage)).toContainText(fromUtrecht);
  });

  await test.step('the server restarts on the same data', async () => {
    await server.restart();
  });

  await test.step('the text and the sessions survive the restart, and editing goes on', async () => {
    const paperURL = new URL(`/papers/${paper.id}`, server.baseURL).href;
    // Cookies are scoped to the host, not the port: the sessions, kept by the server, still
    // hold on the new port without signing in again.
    for (const page of [annaPage, bramPage]) {
      await page.goto(paperURL);
      await expectPaperOpen(page, paper.title);
      await expect(paperEditor(page)).toContainText(fromAmsterdam);
      await expect(paperEditor(page)).toContainText(fromUtrecht);
    }

    const afterRestart = 'Na de herstart gaat het schrijven door.';
    await typeNewParagraph(annaPage, afterRestart);
    await expect(paperEditor(bramPage)).toContainText(afterRestart);
    await expect(presenceList(bramPage)).toContainText('Anna de Vries');
  });
});

test('text another person has seen survives a crash of the server (kill -9)', async ({
  server,
  admin,
  createPerson,
  newPage,
}) => {
  const anna = await createPerson({ name: 'Anna de Vries', municipality: 'GM0363' });
  const bram = await createPerson({ name: 'Bram Jansen', municipality: 'GM0344' });
  const paper = await admin.createPaperWithMembers(
    {
      title: 'Beheer van gedeelde voorzieningen',
      theme: 'Beheer',
    },
    [
      [anna, 'editor'],
      [bram, 'writer'],
    ],
  );

  const annaPage = await newPage();
  const bramPage = await newPage();
  await openPaperAs(annaPage, server.baseURL, anna, paper.title);
  await openPaperAs(bramPage, server.baseURL, bram, paper.title);

  // The server logs an update before relaying it: once Bram sees the text, it is on disk.
  const text = 'Gemeenten beheren hun voorzieningen samen.';
  await typeNewParagraph(annaPage, text);
  await expect(paperEditor(bramPage)).toContainText(text);

  await server.kill();
  await server.restart();

  await bramPage.goto(new URL(`/papers/${paper.id}`, server.baseURL).href);
  await expectPaperOpen(bramPage, paper.title);
  await expect(paperEditor(bramPage)).toContainText(text);
});
