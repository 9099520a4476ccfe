import { BorderStyle, Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import type { Draft } from '@standpunt/shared';
import { documentBlocks, type Block } from './documentBlocks.js';
import { frozenByText, draftMetadata } from './draftMetadata.js';
import { BULLETS, docxMetadata, docxRuns, listNumbering, ORDERED } from './docxParts.js';

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3];
/** Paragraph numbers hang in the left margin of the text, as in Dutch policy documents. */
const NUMBER_INDENT = { left: 567, hanging: 567 };

interface Context {
  /** Counter for ordered lists: each is its own Word list instance, numbered from its start. */
  nextInstance: number;
  indentLeft: number;
}

function paragraphsOf(block: Block, context: Context, number: string | null): Paragraph[] {
  switch (block.type) {
    case 'paragraph': {
      const prefix = number ? [new TextRun({ text: `${number}\t`, color: '555555' })] : [];
      return [
        new Paragraph({
          indent: number ? NUMBER_INDENT : { left: context.indentLeft },
          children: [...prefix, ...docxRuns(block.inlines)],
        }),
      ];
    }
    case 'heading':
      return [
        new Paragraph({
          heading: HEADINGS[block.level - 1],
          children: [
            ...(number ? [new TextRun({ text: `${number} ` })] : []),
            ...docxRuns(block.inlines),
          ],
        }),
      ];
    case 'list':
      return listParagraphs(block, context, 0);
    case 'blockquote':
      return block.children.flatMap((child) =>
        paragraphsOf(child, { ...context, indentLeft: context.indentLeft + 567 }, null),
      );
  }
}

function listParagraphs(
  block: Extract<Block, { type: 'list' }>,
  context: Context,
  level: number,
): Paragraph[] {
  const instance = context.nextInstance++;
  return block.items.flatMap((item) =>
    item.flatMap((child, index) => {
      if (child.type === 'list') return listParagraphs(child, context, level + 1);
      if (child.type !== 'paragraph' || index > 0) {
        return paragraphsOf(child, { ...context, indentLeft: 720 * (level + 1) }, null);
      }
      return [
        new Paragraph({
          numbering: block.ordered
            ? { reference: ORDERED, level, instance }
            : { reference: BULLETS, level },
          children: docxRuns(child.inlines),
        }),
      ];
    }),
  );
}

/**
 * A draft as DOCX: Word's Title and Heading 1–3 styles (section numbers in the heading text),
 * real Word lists, paragraph numbers before each paragraph, and the document properties
 * (title, subject, creator, keywords).
 */
export function draftDocx(draft: Draft): Promise<Buffer> {
  const context: Context = { nextInstance: 1, indentLeft: 0 };
  const body = documentBlocks(draft).flatMap(({ block, numbered }) => {
    if (numbered.number === null && block.type === 'paragraph' && block.inlines.length === 0) {
      return [];
    }
    if (block.type === 'list' || block.type === 'blockquote') {
      // The number on its own line, kept with the list or quote it belongs to.
      const label = numbered.number
        ? [
            new Paragraph({
              keepNext: true,
              children: [new TextRun({ text: numbered.number, color: '555555' })],
            }),
          ]
        : [];
      return [...label, ...paragraphsOf(block, context, null)];
    }
    return paragraphsOf(block, context, numbered.number);
  });
  const document = new Document({
    title: draft.title,
    subject: `Versie ${draft.number} — ${draft.label}`,
    creator: frozenByText(draft),
    lastModifiedBy: frozenByText(draft),
    keywords: ['positionpaper', draft.theme, draft.phase].join(', '),
    description: `sha256 ${draft.sha256}`,
    numbering: listNumbering(),
    sections: [
      {
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(draft.title)] }),
          ...docxMetadata(draftMetadata(draft)),
          new Paragraph({
            border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '154273', space: 4 } },
            children: [],
          }),
          ...body,
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
