import type { CDPSession } from '@playwright/test';
import { expect, test } from '../support/fixtures.js';
import { openPaperAs, paperEditor } from '../support/ui.js';

interface Key {
  key: string;
  code: string;
  keyCode: number;
  text?: string;
  /** CDP modifier bits: 2 is Ctrl, 8 is Shift. */
  modifiers?: number;
}

const ENTER: Key = { key: 'Enter', code: 'Enter', keyCode: 13, text: '\r' };
const CTRL_END: Key = { key: 'End', code: 'End', keyCode: 35, modifiers: 2 };

function letter(text: string): Key {
  const upper = text.toUpperCase();
  return {
    key: text,
    code: `Key${upper}`,
    keyCode: upper.charCodeAt(0),
    text,
    modifiers: text === upper ? 8 : 0,
  };
}

/**
 * Sends keys back to back without waiting for each to be handled, so they reach the page
 * faster than it paints frames — as a fast typist's do on a busy machine. Playwright's own
 * keyboard waits for every key.
 */
async function burst(cdp: CDPSession, keys: Key[]): Promise<void> {
  const sent: Promise<unknown>[] = [];
  for (const { key, code, keyCode, text, modifiers = 0 } of keys) {
    const base = { key, code, windowsVirtualKeyCode: keyCode, modifiers };
    const down = text
      ? { type: 'keyDown' as const, text, unmodifiedText: text }
      : { type: 'rawKeyDown' as const };
    sent.push(cdp.send('Input.dispatchKeyEvent', { ...down, ...base }));
    sent.push(cdp.send('Input.dispatchKeyEvent', { type: 'keyUp' as const, ...base }));
  }
  await Promise.all(sent);
}

test("a fast typist's keys land in order, also in a paragraph made a moment ago", async ({
  server,
  admin,
  createPerson,
  page,
}) => {
  const anna = await createPerson({ name: 'Anna de Vries', municipality: 'GM0363' });
  const paper = await admin.createPaperWithMembers(
    { title: 'Snel typen', theme: 'Dienstverlening' },
    [[anna, 'writer']],
  );
  await openPaperAs(page, server.baseURL, anna, paper.title);
  const editor = paperEditor(page);
  await editor.click();
  await page.keyboard.type('Inleiding.');

  const cdp = await page.context().newCDPSession(page);
  const expected = ['Inleiding.'];
  for (let round = 1; round <= 8; round++) {
    // Away from the end and back at once: Ctrl+End, Enter and the first letters come before
    // the page has painted the moved caret or the new paragraph.
    await editor.locator(':scope > p').first().click();
    await burst(cdp, [CTRL_END, ENTER, letter('O'), letter('o')]);
    await page.keyboard.type(`k gemeente ${round} doet mee.`);
    expected.push(`Ook gemeente ${round} doet mee.`);
  }
  await expect(editor.locator(':scope > p')).toHaveText(expected);
});
