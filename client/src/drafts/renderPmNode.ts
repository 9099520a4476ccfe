import { isAllowedLinkHref, type PmNodeJson } from '@standpunt/shared';
import { createElement, Fragment, type ReactNode } from 'react';

/**
 * A frozen draft's ProseMirror JSON as React elements, read-only and without the editor: the
 * paper schema's nodes (paragraph, heading 1–3, lists, blockquote, hard break) and marks (bold,
 * italic, link). Anything else is shown as its text, so nothing in a draft is lost or run.
 */

export interface RenderOptions {
  /** Added to a heading's level, so that the text's headings sit below the page's own. */
  headingOffset?: number;
  /** Shown at the start of the node's element, e.g. a heading's section number. */
  prefix?: ReactNode;
}

const MAX_HEADING = 6;

/** A node and everything in it; `key` for when it is one of a list of siblings. */
export function renderPmNode(
  node: PmNodeJson,
  options: RenderOptions = {},
  key?: string | number,
): ReactNode {
  const offset = options.headingOffset ?? 0;
  const children = (): ReactNode[] => [
    ...(options.prefix === undefined ? [] : [options.prefix]),
    ...(node.content ?? []).map((child, index) =>
      renderPmNode(child, { headingOffset: offset }, index),
    ),
  ];
  const props = key === undefined ? {} : { key };

  switch (node.type) {
    case 'text':
      return createElement(Fragment, props, withMarks(node.text ?? '', node.marks ?? []));
    case 'hardBreak':
      return createElement('br', props);
    case 'paragraph':
      return createElement('p', props, ...children());
    case 'heading':
      return createElement(`h${headingLevel(node.attrs?.level, offset)}`, props, ...children());
    case 'bulletList':
      return createElement('ul', props, ...children());
    case 'orderedList': {
      const start = Number(node.attrs?.start);
      const listProps = Number.isInteger(start) && start !== 1 ? { ...props, start } : props;
      return createElement('ol', listProps, ...children());
    }
    case 'listItem':
      return createElement('li', props, ...children());
    case 'blockquote':
      return createElement('blockquote', props, ...children());
    default:
      // Not in the paper schema: keep the text, drop the unknown wrapper.
      return createElement(Fragment, props, ...children());
  }
}

/** Heading levels 1–3 of the schema, moved down by `offset`, never beyond h6. */
export function headingLevel(level: unknown, offset: number): number {
  const own = Math.min(3, Math.max(1, Math.trunc(Number(level)) || 1));
  return Math.min(MAX_HEADING, own + offset);
}

type Mark = NonNullable<PmNodeJson['marks']>[number];

/** Bold and italic inside, a link around them, as the editor shows it. */
function withMarks(text: string, marks: Mark[]): ReactNode {
  let result: ReactNode = text;
  if (marks.some((mark) => mark.type === 'italic')) result = createElement('em', null, result);
  if (marks.some((mark) => mark.type === 'bold')) result = createElement('strong', null, result);
  const link = marks.find((mark) => mark.type === 'link');
  const href = link?.attrs?.href;
  // The server refuses other schemes too; a draft is still never trusted to run a script.
  if (typeof href === 'string' && isAllowedLinkHref(href)) {
    result = createElement('a', { href, rel: 'noopener noreferrer nofollow' }, result);
  }
  return result;
}
