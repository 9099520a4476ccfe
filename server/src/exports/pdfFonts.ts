import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** One Noto Sans file (latin subset, WOFF: fontkit reads it and pdfkit embeds a subset). */
function fontFile(weight: 400 | 700, style: 'normal' | 'italic'): string {
  return require.resolve(`@fontsource/noto-sans/files/noto-sans-latin-${weight}-${style}.woff`);
}

/**
 * The fonts of the PDF exports, embedded (as subsets) so the text looks the same and stays
 * selectable everywhere; Noto Sans covers every letter of Dutch and Frisian.
 */
export const PDF_FONTS = {
  regular: fontFile(400, 'normal'),
  bold: fontFile(700, 'normal'),
  italic: fontFile(400, 'italic'),
  boldItalic: fontFile(700, 'italic'),
} as const;

export function pdfFontFor(style: { bold: boolean; italic: boolean }): string {
  if (style.bold) return style.italic ? PDF_FONTS.boldItalic : PDF_FONTS.bold;
  return style.italic ? PDF_FONTS.italic : PDF_FONTS.regular;
}
