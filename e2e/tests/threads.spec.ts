/**
 * Threads across browsers: a municipality's commenter suggests a change to selected text, an
 * editor accepts it from the sidebar, and the writer sees the new text arrive in the editor.
 */
import type { Page } from '@playwright/test';
import { expect, test } from '../support/fixtures.js';
import { openPaperAs, paperEditor, typeNewParagraph } from '../support/ui.js';
import { wcagViolations } from '../support/wcagViolations.js';

const TEXT = 'Gemeenten kopen samen in via één centraal loket.';
const NEW_TEXT = 'Gemeenten kopen samen in via één regionaal loket.';

const sidebar = (page: Page) => page.getByRole('complementary', { name: 'Reacties' });

/** Selects the first occurrence of `text` in the editor, as a person dragging the mouse would. */
async function selectInEditor(page: Page, text: string): Promise<void> {
  await paperEditor(page).evaluate((editor, wanted) => {
    const walker = document.createTreeWalker(editor, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent?.indexOf(wanted) ?? -1;
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + wanted.length);
      const selection = window.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
      return;
    }
    throw new Error(`"${wanted}" is not in the editor`);
  }, text);
}

test('a commenter suggests a change, the editor accepts it, and the writer sees the new text', async ({
  server,
  admin,
  createPerson,
  newPage,
}) => {
  const eva = await createPerson({ name: 'Eva Smit', municipality: 'GM0363' });
  const wim = await createPerson({ name: 'Wim Schrijver', municipality: 'GM0344' });
  const carla = await createPerson({ name: 'Carla Commentaar', municipality: 'GM0599' });
  const paper = await admin.createPaperWithMembers(
    { title: 'Samen inkopen', theme: 'Gemeenten en markt' },
    [
      [eva, 'editor'],
      [wim, 'writer'],
      [carla, 'commenter'],
    ],
  );

  const writerPage = await newPage();
  await openPaperAs(writerPage, server.baseURL, wim, paper.title);
  await typeNewParagraph(writerPage, TEXT);

  const commenterPage = await newPage();
  await openPaperAs(commenterPage, server.baseURL, carla, paper.title);
  await expect(paperEditor(commenterPage)).toContainText(TEXT);

  await test.step('the commenter selects text in the read-only editor and suggests a change', async () => {
    await expect(paperEditor(commenterPage)).toHaveAttribute('contenteditable', 'false');
    await selectInEditor(commenterPage, 'centraal loket');
    const comment = commenterPage.getByRole('button', { name: 'Reageer', exact: true });
    await expect(comment).not.toHaveAttribute('aria-disabled', 'true');
    await commenterPage.getByRole('button', { name: 'Stel tekst voor' }).click();
    const replacement = commenterPage.getByLabel('Voorgestelde tekst');
    await expect(replacement).toBeFocused();
    await expect(replacement).toHaveValue('centraal loket');
    await replacement.fill('regionaal loket');
    await commenterPage.getByLabel('Reactie', { exact: true }).fill('Past beter bij de praktijk.');
    await commenterPage.getByRole('button', { name: 'Plaatsen' }).click();
    await expect(
      commenterPage.getByRole('status').filter({ hasText: 'Je reactie is geplaatst.' }),
    ).toBeVisible();
    // Shown in the text: the old words struck through, the proposal inserted after them.
    await expect(paperEditor(commenterPage).locator('del')).toHaveText('centraal loket');
    await expect(paperEditor(commenterPage).locator('ins')).toContainText('regionaal loket');
  });

  const editorPage = await newPage();
  await openPaperAs(editorPage, server.baseURL, eva, paper.title);
  const card = sidebar(editorPage).getByRole('button', {
    name: 'Tekstvoorstel van Rotterdam: Past beter bij de praktijk.',
  });

  await test.step('the editor finds it in the sidebar and opens it; no WCAG violations', async () => {
    await card.click();
    await expect(card).toHaveAttribute('aria-expanded', 'true');
    await expect(sidebar(editorPage)).toContainText('Carla Commentaar (Rotterdam)');
    await expect(sidebar(editorPage).locator('ins')).toHaveText('regionaal loket');
    await expect(paperEditor(editorPage).locator('del.standpunt-thread--active')).toHaveText(
      'centraal loket',
    );
    expect(await wcagViolations(editorPage)).toEqual([]);
  });

  await test.step('the editor accepts it and the writer sees the new text appear', async () => {
    await sidebar(editorPage).getByRole('button', { name: 'Overnemen' }).click();
    await expect(paperEditor(writerPage)).toContainText(NEW_TEXT);
    await expect(sidebar(commenterPage)).toContainText('Overgenomen');
    await expect(paperEditor(commenterPage).locator('del')).toHaveCount(0);
  });
});

test('a commenter selects text with the keyboard alone; deleting that text orphans the thread', async ({
  server,
  admin,
  createPerson,
  newPage,
}) => {
  const wim = await createPerson({ name: 'Wim Schrijver', municipality: 'GM0344' });
  const carla = await createPerson({ name: 'Carla Commentaar', municipality: 'GM0599' });
  const paper = await admin.createPaperWithMembers({ title: 'Samen beheren', theme: 'Beheer' }, [
    [wim, 'writer'],
    [carla, 'commenter'],
  ]);
  const sentence = 'Gemeenten beheren hun software samen.';

  const writerPage = await newPage();
  await openPaperAs(writerPage, server.baseURL, wim, paper.title);
  await typeNewParagraph(writerPage, sentence);

  const commenterPage = await newPage();
  await openPaperAs(commenterPage, server.baseURL, carla, paper.title);
  await expect(paperEditor(commenterPage)).toContainText(sentence);

  await test.step('arrow keys and Shift+End select the sentence; Ctrl+Alt+M comments on it', async () => {
    await paperEditor(commenterPage).focus();
    await commenterPage.keyboard.press('ArrowDown');
    await commenterPage.keyboard.press('Home');
    await commenterPage.keyboard.press('Shift+End');
    await expect
      .poll(() => commenterPage.evaluate(() => window.getSelection()?.toString()))
      .toBe(sentence);
    await commenterPage.keyboard.press('Control+Alt+M');
    await expect(
      commenterPage.getByRole('form', { name: 'Reactie op geselecteerde tekst' }),
    ).toContainText(sentence);
    await commenterPage.getByLabel('Reactie', { exact: true }).fill('Wie betaalt het beheer?');
    await commenterPage.getByRole('button', { name: 'Plaatsen' }).click();
    await expect(paperEditor(commenterPage).locator('mark')).toHaveText(sentence);
  });

  await test.step('the writer hears of it, deletes the sentence, and the thread is listed apart', async () => {
    await expect(
      writerPage.locator('[aria-live="polite"]', {
        hasText: 'Nieuwe reactie van Rotterdam: Wie betaalt het beheer?',
      }),
    ).toBeAttached();
    await paperEditor(writerPage).getByText(sentence).click();
    await writerPage.keyboard.press('End');
    await writerPage.keyboard.press('Shift+Home');
    await writerPage.keyboard.press('Backspace');
    await expect(paperEditor(writerPage)).not.toContainText(sentence);
    const orphaned = sidebar(commenterPage).getByRole('region', { name: 'Losgeraakte reacties' });
    await expect(orphaned).toContainText('Reactie van Rotterdam: Wie betaalt het beheer?');
    await expect(paperEditor(commenterPage).locator('mark')).toHaveCount(0);
  });
});
