import PDFDocument from 'pdfkit';
import type { Inline } from './documentBlocks.js';
import { PDF_FONTS, pdfFontFor } from './pdfFonts.js';

export const TEXT_COLOR = '#1a1a1a';
export const MUTED_COLOR = '#555555';
export const ACCENT_COLOR = '#154273';

export interface PdfInfo {
  Title: string;
  Author: string;
  Subject: string;
  Keywords: string;
  /** Fixed (e.g. the draft's frozenAt), so the PDF of a draft does not carry export time. */
  CreationDate: Date;
}

/**
 * A thin layer over pdfkit for the exports: A4, embedded Noto Sans from the first byte (no
 * unembedded standard font is ever referenced), runs of rich text, and the bytes at the end.
 */
export class PdfWriter {
  readonly doc: PDFKit.PDFDocument;
  readonly #chunks: Buffer[] = [];
  readonly #done: Promise<Buffer>;

  constructor(info: PdfInfo) {
    this.doc = new PDFDocument({
      size: 'A4',
      margins: { top: 56, bottom: 56, left: 56, right: 56 },
      font: PDF_FONTS.regular,
      info: { ...info, ModDate: info.CreationDate, Creator: 'Standpunt' },
      displayTitle: true,
      lang: 'nl-NL',
      pdfVersion: '1.7',
    });
    this.doc.on('data', (chunk: Buffer) => this.#chunks.push(chunk));
    this.#done = new Promise((resolve, reject) => {
      this.doc.on('end', () => resolve(Buffer.concat(this.#chunks)));
      this.doc.on('error', reject);
    });
  }

  get left(): number {
    return this.doc.page.margins.left;
  }

  get width(): number {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
  }

  /** Starts a new page unless `height` points still fit on this one. */
  ensureSpace(height: number): void {
    if (this.doc.y + height > this.doc.page.height - this.doc.page.margins.bottom) {
      this.doc.addPage();
    }
  }

  /** Plain text in one style at x, wrapping within width. */
  text(
    text: string,
    x: number,
    width: number,
    style: { size?: number; bold?: boolean; italic?: boolean; color?: string } = {},
  ): void {
    this.doc
      .font(pdfFontFor({ bold: !!style.bold, italic: !!style.italic }))
      .fontSize(style.size ?? 10.5)
      .fillColor(style.color ?? TEXT_COLOR)
      .text(text || ' ', x, this.doc.y, { width, link: null, underline: false });
  }

  /** Rich text: one pdfkit run per style change, links clickable and underlined. */
  inlines(inlines: readonly Inline[], x: number, width: number, size = 10.5): void {
    const runs = inlines.map((inline) =>
      inline.type === 'break'
        ? { text: '\n', bold: false, italic: false, href: null }
        : { text: inline.text, bold: inline.bold, italic: inline.italic, href: inline.href },
    );
    if (runs.length === 0) runs.push({ text: ' ', bold: false, italic: false, href: null });
    runs.forEach((run, index) => {
      this.doc
        .font(pdfFontFor(run))
        .fontSize(size)
        .fillColor(run.href ? ACCENT_COLOR : TEXT_COLOR);
      const options = {
        width,
        continued: index < runs.length - 1,
        link: run.href,
        underline: run.href !== null,
      };
      if (index === 0) this.doc.text(run.text, x, this.doc.y, options);
      else this.doc.text(run.text, options);
    });
  }

  /** Ends the document and resolves with its bytes. */
  finish(): Promise<Buffer> {
    this.doc.end();
    return this.#done;
  }
}
