import { Heading2, Heading3, Heading4 } from '@utrecht/component-library-react';
import type { ComponentProps } from 'react';

/** Heading levels the drafts sections sit at: below the paper page's h2, or a page's h1. */
export type SectionLevel = 2 | 3 | 4;

const HEADINGS = { 2: Heading2, 3: Heading3, 4: Heading4 } as const;

/** A heading at `level`, for sections shown both on the paper page and on a page of their own. */
export function SectionHeading({
  level,
  ...props
}: { level: SectionLevel } & ComponentProps<typeof Heading2>) {
  const Heading = HEADINGS[level];
  return <Heading {...props} />;
}
