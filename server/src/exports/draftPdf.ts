import type { Draft } from '@standpunt/shared';
import { frozenByText } from './draftMetadata.js';
import { documentBlocks, type Block, type Inline } from './documentBlocks.js';
import { draftMetadata } from './draftMetadata.js';
import { ACCENT_COLOR, MUTED_COLOR, PdfWriter } from './PdfWriter.js';

/** Width of the margin column that holds paragraph numbers. */
const NUMBER_COLUMN = 36;
const LIST_INDENT = 16;
const HEADING_SIZES = [16, 13.5, 12];

function writeBlock(pdf: PdfWriter, block: Block, x: number, width: number): void {
  const { doc } = pdf;
  switch (block.type) {
    case 'paragraph':
      pdf.inlines(block.inlines, x, width);
      break;
    case 'heading':
      pdf.inlines(block.inlines, x, width, HEADING_SIZES[block.level - 1]);
      break;
    case 'list':
      block.items.forEach((item, index) => {
        const y = doc.y;
        const marker = block.ordered ? `${block.start + index}.` : '•';
        pdf.text(marker, x, LIST_INDENT, {});
        doc.y = y;
        item.forEach((child) => writeBlock(pdf, child, x + LIST_INDENT, width - LIST_INDENT));
      });
      break;
    case 'blockquote': {
      const top = doc.y;
      const page = doc.page;
      block.children.forEach((child) => writeBlock(pdf, child, x + 12, width - 12));
      // The quote's rule, where it stayed on one page.
      if (doc.page === page) {
        doc
          .save()
          .moveTo(x + 3, top)
          .lineTo(x + 3, doc.y)
          .lineWidth(2)
          .stroke('#cccccc');
        doc.restore();
      }
      break;
    }
  }
}

/**
 * A draft as PDF, made in-process with pdfkit: selectable text in embedded Noto Sans, the
 * metadata header, section numbers before headings and paragraph numbers in the margin, and
 * document metadata (Title, Author, Subject, Keywords, CreationDate = frozenAt).
 */
export function draftPdf(draft: Draft): Promise<Buffer> {
  const pdf = new PdfWriter({
    Title: draft.title,
    Author: frozenByText(draft),
    Subject: `Versie ${draft.number} — ${draft.label}`,
    Keywords: ['positionpaper', draft.theme, draft.phase, `sha256:${draft.sha256}`].join(', '),
    CreationDate: new Date(draft.frozenAt),
  });
  const { doc } = pdf;
  pdf.text(draft.title, pdf.left, pdf.width, { size: 20, bold: true, color: ACCENT_COLOR });
  doc.moveDown(0.4);
  for (const [label, value] of draftMetadata(draft)) {
    pdf.text(`${label}: ${value}`, pdf.left, pdf.width, { size: 8.5, color: MUTED_COLOR });
  }
  doc.moveDown(1.2);

  for (const { block, numbered } of documentBlocks(draft)) {
    if (numbered.number === null && block.type === 'paragraph' && block.inlines.length === 0) {
      continue;
    }
    pdf.ensureSpace(block.type === 'heading' ? 60 : 30);
    if (block.type === 'heading') {
      doc.moveDown(0.4);
      const prefix: Inline[] = numbered.number
        ? [{ type: 'text', text: `${numbered.number} `, bold: true, italic: false, href: null }]
        : [];
      const bold = block.inlines.map((inline) =>
        inline.type === 'text' ? { ...inline, bold: true } : inline,
      );
      writeBlock(pdf, { ...block, inlines: [...prefix, ...bold] }, pdf.left, pdf.width);
    } else {
      const y = doc.y;
      if (numbered.number) {
        pdf.text(numbered.number, pdf.left, NUMBER_COLUMN - 6, { size: 8.5, color: MUTED_COLOR });
        doc.y = y;
      }
      writeBlock(pdf, block, pdf.left + NUMBER_COLUMN, pdf.width - NUMBER_COLUMN);
    }
    doc.moveDown(0.5);
  }
  return pdf.finish();
}
