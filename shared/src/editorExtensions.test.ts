import { describe, expect, it } from 'vitest';
import { paperSchema } from './editorExtensions.js';

describe('paper schema', () => {
  it('holds exactly the nodes and marks a paper may contain', () => {
    const schema = paperSchema();
    expect(Object.keys(schema.nodes).sort()).toEqual(
      [
        'blockquote',
        'bulletList',
        'doc',
        'hardBreak',
        'heading',
        'listItem',
        'orderedList',
        'paragraph',
        'text',
      ].sort(),
    );
    expect(Object.keys(schema.marks).sort()).toEqual(['bold', 'italic', 'link']);
  });

  it('gives every top-level block an id attribute and headings levels 1-3', () => {
    const schema = paperSchema();
    for (const type of ['paragraph', 'heading', 'bulletList', 'orderedList', 'blockquote']) {
      expect(schema.nodes[type]?.spec.attrs, type).toHaveProperty('id');
    }
    const heading = schema.nodeFromJSON({
      type: 'heading',
      attrs: { level: 2, id: 'b1' },
      content: [{ type: 'text', text: 'Kop' }],
    });
    expect(heading.attrs).toEqual({ level: 2, id: 'b1' });
  });

  it('does not extend a link over text typed right after it', () => {
    expect(paperSchema().marks.link?.spec.inclusive).toBe(false);
  });
});
