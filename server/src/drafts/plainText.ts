import type { PmNodeJson } from '@standpunt/shared';

/** The text of a node: hard breaks and the seams between its child blocks as newlines. */
export function plainText(node: PmNodeJson): string {
  if (node.type === 'text') return node.text ?? '';
  if (node.type === 'hardBreak') return '\n';
  const children = node.content ?? [];
  const inline = children.every((child) => child.type === 'text' || child.type === 'hardBreak');
  return children.map(plainText).join(inline ? '' : '\n');
}
