/** Content for draft, export and reactienota tests, written on the server as an editor would. */
import { updateYFragment } from '@tiptap/y-tiptap';
import { CONTENT_FRAGMENT, paperSchema, type PmNodeJson } from '@standpunt/shared';
import type { RunningServer } from '../src/createServer.js';
import { expect } from 'vitest';
import type { ApiErrorBody, DraftSummary } from '@standpunt/shared';
import { paperInPhase, type ApiClient, type Cast } from './helpers.js';
import { contentView } from '../src/threads/contentAnchors.js';

type Mark = 'bold' | 'italic' | { href: string };

export function text(value: string, ...marks: Mark[]): PmNodeJson {
  return {
    type: 'text',
    text: value,
    ...(marks.length
      ? {
          marks: marks.map((mark) =>
            typeof mark === 'string'
              ? { type: mark }
              : { type: 'link', attrs: { href: mark.href } },
          ),
        }
      : {}),
  };
}

export function paragraph(id: string, ...content: Array<string | PmNodeJson>): PmNodeJson {
  const inline = content.map((item) => (typeof item === 'string' ? text(item) : item));
  return { type: 'paragraph', attrs: { id }, ...(inline.length ? { content: inline } : {}) };
}

export function heading(id: string, level: number, value: string): PmNodeJson {
  return { type: 'heading', attrs: { id, level }, content: [text(value)] };
}

export function list(id: string, ordered: boolean, items: string[]): PmNodeJson {
  return {
    type: ordered ? 'orderedList' : 'bulletList',
    attrs: { id },
    content: items.map((item) => ({
      type: 'listItem',
      content: [{ type: 'paragraph', content: [text(item)] }],
    })),
  };
}

export function quote(id: string, value: string): PmNodeJson {
  return {
    type: 'blockquote',
    attrs: { id },
    content: [{ type: 'paragraph', content: [text(value)] }],
  };
}

/**
 * Replaces the paper's live text by `blocks`, through the same Y ↔ ProseMirror mapping the
 * editor uses, so unchanged blocks keep their Yjs items (and anchors into them stay valid).
 */
export function setContent(
  server: RunningServer,
  paperId: string,
  blocks: PmNodeJson[],
): Promise<void> {
  return server.collab.withPaper(paperId, (paper) =>
    paper.transact('content', 'test.setContent', (ydoc) => {
      const { meta } = contentView(ydoc);
      const node = paperSchema().nodeFromJSON({ type: 'doc', content: blocks });
      updateYFragment(ydoc, ydoc.getXmlFragment(CONTENT_FRAGMENT), node, meta);
    }),
  );
}

/** A text with every kind of block, marks, a link, Dutch letters and a would-be script. */
export const SAMPLE: PmNodeJson[] = [
  heading('h-intro', 1, 'Inleiding'),
  paragraph(
    'p-een',
    'Gemeenten werken ',
    text('samen', 'bold'),
    ' aan één ',
    text('digitale', 'italic'),
    ' identiteit, zie ',
    text('de website', { href: 'https://vng.nl/identiteit' }),
    '.',
  ),
  paragraph('p-script', 'Een inzender typte <script>alert("x")</script> & meer.'),
  heading('h-sub', 2, 'Uitgangspunten in Fryslân'),
  list('l-punten', false, ['Eerste punt', 'Tweede punt']),
  list('l-stappen', true, ['Stap een', 'Stap twee']),
  quote('q-citaat', 'Een citaat uit de wet.'),
  paragraph('p-leeg'),
  paragraph('p-slot', 'Tot slot een laatste alinea.'),
];

export interface Download {
  status: number;
  headers: Headers;
  bytes: Buffer;
  text: string;
}

/** A GET as the browser's download would make it: the raw bytes, not parsed. */
export async function download(client: ApiClient, urlPath: string): Promise<Download> {
  const headers: Record<string, string> = { Origin: client.baseUrl };
  if (client.cookie) headers.Cookie = client.cookie;
  const response = await fetch(client.baseUrl + urlPath, { headers });
  const bytes = Buffer.from(await response.arrayBuffer());
  return {
    status: response.status,
    headers: response.headers,
    bytes,
    text: bytes.toString('utf8'),
  };
}

/**
 * Requests the draft tests make, for the server and cast their `beforeAll` sets up (read
 * lazily, as they exist only once it ran).
 */
export function draftRequests(env: () => { server: RunningServer; cast: Cast }) {
  return {
    freeze(who: keyof Cast, paperId: string, label: unknown = 'Werkversie') {
      return env().cast[who].client.request<DraftSummary & ApiErrorBody>(
        'POST',
        `/api/papers/${paperId}/drafts`,
        { label },
      );
    },

    get<T>(paperId: string, rest: string, who: keyof Cast = 'reader') {
      return env().cast[who].client.request<T & ApiErrorBody>(
        'GET',
        `/api/papers/${paperId}${rest}`,
      );
    },

    /** A paper holding SAMPLE, moved to consultatie when asked (which freezes a draft). */
    async samplePaper(phase: 'concept' | 'consultatie' = 'concept'): Promise<string> {
      const { server, cast } = env();
      const paperId = await paperInPhase(cast, 'concept');
      await setContent(server, paperId, SAMPLE);
      if (phase === 'consultatie') {
        const moved = await cast.editor.client.request('PATCH', `/api/papers/${paperId}`, {
          phase,
        });
        expect(moved.status).toBe(200);
      }
      return paperId;
    },
  };
}
