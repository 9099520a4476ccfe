import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { chromium, type Browser, type Page } from 'playwright-core';
import * as Y from 'yjs';
import { BenchClient } from '../BenchClient.js';
import { distribution, percentile, sleep } from '../stats.js';
import { longPaperUpdate } from '../trace.js';
import { closeAll, openClients, type Scenario } from './Scenario.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const EDITOR = '[aria-label="Tekst van het positionpaper"]';
const OTHERS = 20;
const KEYS_PER_SECOND = 5;

/**
 * Other people typing, each at the end of a paragraph of their own. As in their editors, each
 * keystroke also moves their caret: a presence update follows every change, which the page
 * draws as their named caret.
 */
function typeInOwnParagraphs(typists: BenchClient[], paragraphs: number): NodeJS.Timeout[] {
  return typists.map((typist, i) => {
    const fragment = typist.doc.getXmlFragment('default');
    const id = `bench-${Math.floor(((i + 1) * paragraphs) / (typists.length + 2))}`;
    const paragraph = fragment
      .toArray()
      .find(
        (node): node is Y.XmlElement =>
          node instanceof Y.XmlElement && node.getAttribute('id') === id,
      );
    const text = paragraph?.get(0);
    if (!(text instanceof Y.XmlText)) throw new Error(`no paragraph ${id}`);
    // The server stamps who they are; the name and colour here are overwritten.
    const user = { name: `typist ${i}`, color: '#000000' };
    return setInterval(() => {
      typist.type(text);
      const caret = Y.createRelativePositionFromTypeIndex(text, text.length);
      typist.sendPresence({ user, cursor: { anchor: caret, head: caret } });
    }, 1000 / KEYS_PER_SECOND);
  });
}

/**
 * Installed in the page: for each keystroke in the editor, the time from the key event until
 * the DOM shows the character, and until the frame after that (when it is painted).
 */
function measureKeystrokes(selector: string): void {
  const editor = document.querySelector(selector);
  if (!editor) throw new Error('no editor');
  const results = { dom: [] as number[], frame: [] as number[] };
  (window as unknown as { benchLatency: typeof results }).benchLatency = results;
  // Nothing here may read the whole editor (textContent of 50 pages takes a millisecond or
  // more): the measurement would add to what it measures.
  let pending: { at: number; key: string } | null = null;
  editor.addEventListener(
    'keydown',
    (event) => {
      const { key, timeStamp } = event as KeyboardEvent;
      pending = { at: timeStamp, key };
    },
    true,
  );
  new MutationObserver(() => {
    if (!pending) return;
    const selection = window.getSelection();
    const node = selection?.anchorNode;
    const offset = selection?.anchorOffset ?? 0;
    // Ours only when the character left of the caret is the key just pressed.
    if (!node || node.textContent?.[offset - 1] !== pending.key) return;
    const { at } = pending;
    pending = null;
    results.dom.push(performance.now() - at);
    requestAnimationFrame(() => results.frame.push(performance.now() - at));
  }).observe(editor, { subtree: true, characterData: true, childList: true });
}

type Latency = { dom: number[]; frame: number[] };

/** Types `keys` letters a few a second and returns what {@link measureKeystrokes} saw of them. */
async function typeMeasured(page: Page, keys: number): Promise<Latency> {
  await page.evaluate(() => {
    const { benchLatency } = window as unknown as { benchLatency: Latency };
    benchLatency.dom.length = 0;
    benchLatency.frame.length = 0;
  });
  for (let i = 0; i < keys; i++) {
    await page.keyboard.press(String.fromCharCode(97 + (i % 26)));
    await sleep(100 + Math.random() * 50);
  }
  await sleep(500);
  return page.evaluate(() => (window as unknown as { benchLatency: Latency }).benchLatency);
}

/**
 * Records the page while the keystrokes are measured, for finding where the time goes:
 * BENCH_CPU_PROFILE=<file> writes the main thread's JavaScript profile (.cpuprofile) and
 * BENCH_TRACE=<file> a timeline trace with layout, paint and events; Chromium's DevTools
 * open both (Performance panel).
 */
async function startRecording(browser: Browser, page: Page): Promise<() => Promise<void>> {
  const profileFile = process.env.BENCH_CPU_PROFILE;
  const traceFile = process.env.BENCH_TRACE;
  const cdp = profileFile ? await page.context().newCDPSession(page) : null;
  if (cdp) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
  }
  if (traceFile) {
    await browser.startTracing(page, {
      path: traceFile,
      categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'],
    });
  }
  return async () => {
    if (cdp && profileFile) {
      const { profile } = await cdp.send('Profiler.stop');
      fs.writeFileSync(profileFile, JSON.stringify(profile));
    }
    if (traceFile) await browser.stopTracing();
  };
}

/**
 * h. In Chromium: keystroke-to-screen latency while 20 others type in a paper of about 50
 * pages, and the time from opening the paper until it can be edited.
 */
export const browserEditing: Scenario = {
  id: 'h',
  title: 'Chromium: keystroke to screen, time to editable',
  servers: ['ours'],
  // The browser runs from the generator's process: confined to its cores, it would measure
  // Chromium on half the machine rather than the editor.
  separateCores: false,
  async run({ server, quick, log }) {
    const [doc = ''] = await server.newDocs(1, 'Lange paper');
    const long = longPaperUpdate();
    const [seeder] = await openClients(server, doc, 1);
    seeder!.sendUpdate(long.update);
    await seeder!.roundTrip();
    await seeder!.close();

    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    try {
      const context = await browser.newContext();
      const [name = '', value = ''] = server.cookie.split('=');
      await context.addCookies([{ name, value, domain: '127.0.0.1', path: '/' }]);
      const page = await context.newPage();
      // A first visit loads the app's code into the browser cache, as a returning user has it.
      await page.goto(`${server.url}/`);
      await page.waitForLoadState('networkidle');

      const editable: number[] = [];
      for (let i = 0; i < (quick ? 2 : 3); i++) {
        await page.goto('about:blank');
        await sleep(500);
        const start = performance.now();
        await page.goto(`${server.url}/papers/${doc}`);
        await page.waitForFunction(
          ({ selector, last }) => {
            const editor = document.querySelector(selector);
            const connected = [...document.querySelectorAll('[role="status"]')].some(
              (status) => status.textContent?.trim() === 'Verbonden',
            );
            return (
              editor?.getAttribute('contenteditable') === 'true' &&
              connected &&
              editor.textContent?.includes(last) === true
            );
          },
          { selector: EDITOR, last: long.lastText.slice(-40) },
          { polling: 10, timeout: 30_000 },
        );
        editable.push(performance.now() - start);
      }

      await page.evaluate(measureKeystrokes, EDITOR);
      await page.locator(EDITOR).click();
      await page.keyboard.press('Control+End');
      await sleep(1000);
      // First alone, for what one keystroke costs by itself in this paper.
      const alone = await typeMeasured(page, quick ? 30 : 60);

      const typists = await openClients(server, doc, OTHERS, () => ({ applySync: true }));
      const timers = typeInOwnParagraphs(typists, long.paragraphs);
      await sleep(1000);
      const stopRecording = await startRecording(browser, page);
      const keys = quick ? 60 : 150;
      const latency = await typeMeasured(page, keys);
      const carets = await page.locator('.collaboration-carets__caret').count();
      for (const timer of timers) clearInterval(timer);
      await stopRecording();
      await closeAll(typists);
      log(`  alone, to the frame: ${distribution(alone.frame)}`);
      log(
        `  with ${OTHERS} typing, to the DOM: ${distribution(latency.dom)}; to the frame: ${distribution(latency.frame)}`,
      );
      log(
        `  ${latency.frame.length}/${keys} keystrokes seen, ${carets} carets of others shown; editable ${editable.map((t) => t.toFixed(0)).join(', ')} ms`,
      );
      return {
        'h.key': percentile(latency.frame, 95),
        'h.keyDom': percentile(latency.dom, 95),
        'h.keyAlone': percentile(alone.frame, 95),
        'h.editable': percentile(editable, 50),
      };
    } finally {
      await browser.close();
    }
  },
};
