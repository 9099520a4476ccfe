/** Pieces the DOCX exports share: rich text runs, list numbering, the metadata block. */
import {
  AlignmentType,
  ExternalHyperlink,
  LevelFormat,
  Paragraph,
  TextRun,
  type INumberingOptions,
  type ParagraphChild,
} from 'docx';
import type { Inline } from './documentBlocks.js';

export const BULLETS = 'standpunt-bullets';
export const ORDERED = 'standpunt-ordered';
const LEVELS = 6;

export function docxRuns(
  inlines: readonly Inline[],
  extra: { bold?: boolean } = {},
): ParagraphChild[] {
  return inlines.map((inline) => {
    if (inline.type === 'break') return new TextRun({ break: 1 });
    const run = {
      text: inline.text,
      bold: inline.bold || !!extra.bold,
      italics: inline.italic,
    };
    if (!inline.href) return new TextRun(run);
    return new ExternalHyperlink({
      link: inline.href,
      children: [new TextRun({ ...run, style: 'Hyperlink' })],
    });
  });
}

/** Word list definitions: bullets, and decimals (each ordered list its own `instance`). */
export function listNumbering(): INumberingOptions {
  const indent = (level: number) => ({ left: 720 * (level + 1), hanging: 360 });
  return {
    config: [
      {
        reference: BULLETS,
        levels: Array.from({ length: LEVELS }, (_, level) => ({
          level,
          format: LevelFormat.BULLET,
          text: level % 2 === 0 ? '•' : '◦',
          alignment: AlignmentType.LEFT,
          style: { paragraph: { indent: indent(level) } },
        })),
      },
      {
        reference: ORDERED,
        levels: Array.from({ length: LEVELS }, (_, level) => ({
          level,
          format: LevelFormat.DECIMAL,
          text: `%${level + 1}.`,
          alignment: AlignmentType.LEFT,
          style: { paragraph: { indent: indent(level) } },
        })),
      },
    ],
  };
}

/** "Label: value" lines under the title. */
export function docxMetadata(rows: ReadonlyArray<[string, string]>): Paragraph[] {
  return rows.map(
    ([label, value]) =>
      new Paragraph({
        spacing: { after: 40 },
        children: [
          new TextRun({ text: `${label}: `, bold: true, size: 18 }),
          new TextRun({ text: value, size: 18 }),
        ],
      }),
  );
}
