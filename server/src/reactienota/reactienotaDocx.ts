import {
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { STANCES, THREAD_STATUSES } from '@standpunt/shared';
import { docxMetadata } from '../exports/docxParts.js';
import type { NotaSection, NotaThread, Reactienota } from './buildReactienota.js';
import { KIND_LABELS, ORPHANED, STANCE_LABELS, STATUS_LABELS, UNPROCESSED } from './notaLabels.js';
import { notaMetadata, notaSections } from './notaMetadata.js';

function table(header: string[], rows: string[][]): Table {
  const row = (cells: string[], bold: boolean) =>
    new TableRow({
      tableHeader: bold,
      children: cells.map(
        (text) =>
          new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold })] })] }),
      ),
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [row(header, true), ...rows.map((cells) => row(cells, false))],
  });
}

function line(label: string, text: string): Paragraph {
  return new Paragraph({
    indent: { left: 360 },
    children: [new TextRun({ text: `${label}: `, italics: true }), new TextRun(text)],
  });
}

function threadParagraphs(thread: NotaThread): Paragraph[] {
  const status = thread.status === 'open' ? UNPROCESSED : STATUS_LABELS[thread.status];
  return [
    new Paragraph({
      spacing: { before: 160 },
      children: [
        new TextRun({ text: thread.organisation, bold: true }),
        new TextRun(` — ${KIND_LABELS[thread.kind]} — `),
        new TextRun({
          text: status,
          bold: thread.status === 'open',
          color: thread.status === 'open' ? '8A1C00' : undefined,
        }),
      ],
    }),
    ...(thread.quote ? [line('Citaat', `“${thread.quote}”`)] : []),
    ...(thread.orphaned ? [line('Let op', ORPHANED)] : []),
    ...(thread.replacement !== null ? [line('Voorgestelde tekst', `“${thread.replacement}”`)] : []),
    line('Reactie', thread.body),
    ...(thread.rationale ? [line('Motivering', thread.rationale)] : []),
  ];
}

function sectionChildren(section: NotaSection): Array<Paragraph | Table> {
  if (section.threads.length + section.positions.length === 0) return [];
  return [
    new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(section.title)] }),
    ...(section.text
      ? [
          new Paragraph({
            indent: { left: 360 },
            children: [new TextRun({ text: section.text, italics: true })],
          }),
        ]
      : []),
    ...section.threads.flatMap(threadParagraphs),
    ...(section.positions.length
      ? [
          new Paragraph({
            spacing: { before: 160 },
            children: [new TextRun({ text: 'Standpunten', bold: true })],
          }),
          table(
            ['Gemeente', 'Standpunt', 'Toelichting'],
            section.positions.map((p) => [p.organisation, STANCE_LABELS[p.stance], p.explanation]),
          ),
        ]
      : []),
  ];
}

/** The reactienota as DOCX: summary tables, then every response under its paragraph. */
export function reactienotaDocx(nota: Reactienota): Promise<Buffer> {
  const { participation, dispositions, stances } = nota;
  const title = `Reactienota — ${nota.paper.title}`;
  const document = new Document({
    title,
    subject: `Reacties op versie ${nota.draft.number} — ${nota.draft.label}`,
    creator: 'Standpunt',
    keywords: ['reactienota', nota.paper.theme].join(', '),
    sections: [
      {
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(title)] }),
          ...docxMetadata(notaMetadata(nota)),
          new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('Deelname')] }),
          new Paragraph(
            `${participation.responded} van de ${participation.total} gemeenten reageerden (met een reactie of een standpunt).`,
          ),
          table(
            ['Provincie', 'Gereageerd', 'Gemeenten'],
            participation.byProvince.map((p) => [p.province, String(p.responded), String(p.total)]),
          ),
          new Paragraph(''),
          table(
            ['Afhandeling', 'Aantal'],
            THREAD_STATUSES.map((s) => [STATUS_LABELS[s], String(dispositions[s])]),
          ),
          new Paragraph(''),
          table(
            ['Standpunt', 'Aantal'],
            STANCES.map((s) => [STANCE_LABELS[s], String(stances[s])]),
          ),
          new Paragraph({
            heading: HeadingLevel.HEADING_1,
            children: [new TextRun('Reacties per alinea')],
          }),
          ...notaSections(nota).flatMap(sectionChildren),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
