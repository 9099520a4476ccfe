import type { MarkType, NodeType, Schema } from '@tiptap/pm/model';
import * as Y from 'yjs';
import {
  BLOCK_ID_ATTRIBUTE,
  CONTENT_FRAGMENT,
  HEADING_LEVELS,
  isAllowedLinkHref,
  paperSchema,
} from '@standpunt/shared';
import { RefusedUpdate, type InspectedItem, type InspectedUpdate } from './inspectUpdate.js';

/**
 * y-prosemirror writes a mark that may overlap itself as `<name>--<8-character hash>`; the
 * name before it is what counts.
 */
const HASHED_MARK_NAME = /^(.*)--[a-zA-Z0-9+/=]{8}$/;

/** Longest string accepted as an attribute value (block ids are 36-character UUIDs). */
const MAX_ATTRIBUTE_LENGTH = 2048;

type Primitive = string | number | boolean | null;

function isPrimitive(value: unknown): value is Primitive {
  return (
    value === null ||
    typeof value === 'number' ||
    typeof value === 'boolean' ||
    (typeof value === 'string' && value.length <= MAX_ATTRIBUTE_LENGTH)
  );
}

/** Attribute values that have a narrower rule than "a short primitive". */
const ATTRIBUTE_RULES: Record<string, (value: unknown) => boolean> = {
  [`*.${BLOCK_ID_ATTRIBUTE}`]: (v) => v === null || (typeof v === 'string' && v.length <= 128),
  'heading.level': (v) => (HEADING_LEVELS as readonly unknown[]).includes(v),
  'orderedList.start': (v) => typeof v === 'number' && Number.isSafeInteger(v),
  'orderedList.type': (v) => v === null || (typeof v === 'string' && v.length <= 8),
};

/** The node types that may appear (anywhere) in a node's content, by its content expression. */
const childTypesCache = new WeakMap<NodeType, Set<string>>();
function childTypes(nodeType: NodeType): Set<string> {
  let names = childTypesCache.get(nodeType);
  if (names) return names;
  names = new Set();
  const seen = new Set([nodeType.contentMatch]);
  const queue = [nodeType.contentMatch];
  for (let match = queue.pop(); match; match = queue.pop()) {
    for (let i = 0; i < match.edgeCount; i++) {
      const { type, next } = match.edge(i);
      names.add(type.name);
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  childTypesCache.set(nodeType, names);
  return names;
}

function refuse(item: InspectedItem, why: string): never {
  const { client, clock } = item.item.id;
  throw new RefusedUpdate(`${client}:${clock}: ${why}`);
}

/** A list child of `parent`: an element the schema allows there, or text where text goes. */
function checkChild(item: InspectedItem, parent: NodeType): void {
  const { content } = item.item;
  if (!(content instanceof Y.ContentType))
    refuse(item, `${content.constructor.name} in an element`);
  const allowed = childTypes(parent);
  const type: unknown = content.type;
  if (type instanceof Y.XmlElement) {
    const name = type.nodeName;
    if (name === 'text' || !allowed.has(name)) refuse(item, `<${name}> inside ${parent.name}`);
  } else if (type instanceof Y.XmlText) {
    if (!allowed.has('text')) refuse(item, `text inside ${parent.name}`);
  } else {
    refuse(item, `a ${(type as object).constructor.name} inside ${parent.name}`);
  }
}

function checkAttribute(item: InspectedItem, node: NodeType, key: string): void {
  if (!(key in (node.spec.attrs ?? {}))) refuse(item, `attribute "${key}" on ${node.name}`);
  const { content } = item.item;
  if (!(content instanceof Y.ContentAny) || content.arr.length !== 1) {
    refuse(item, `attribute "${key}" is no plain value`);
  }
  const value: unknown = content.arr[0];
  const rule = ATTRIBUTE_RULES[`${node.name}.${key}`] ?? ATTRIBUTE_RULES[`*.${key}`] ?? isPrimitive;
  if (!rule(value)) refuse(item, `${node.name} ${key}=${JSON.stringify(value)}`);
}

function checkMarkValue(item: InspectedItem, mark: MarkType, value: unknown): void {
  // null ends the mark; `true` is how Y.Text formats, fine for marks without attributes.
  if (value === null) return;
  const attrNames = Object.keys(mark.spec.attrs ?? {});
  if (value === true && attrNames.length === 0) return;
  if (typeof value !== 'object' || Array.isArray(value)) {
    refuse(item, `mark ${mark.name} with value ${JSON.stringify(value)}`);
  }
  for (const [key, attr] of Object.entries(value as Record<string, unknown>)) {
    if (!attrNames.includes(key) || !isPrimitive(attr)) refuse(item, `${mark.name} ${key}`);
  }
  if (mark.name === 'link') {
    const { href } = value as { href?: unknown };
    if (typeof href !== 'string' || !isAllowedLinkHref(href)) {
      refuse(item, `link to ${JSON.stringify(href)}`);
    }
  }
}

/** Text content: characters, and formats whose keys are marks of the schema. */
function checkText(item: InspectedItem, schema: Schema): void {
  const { content } = item.item;
  if (content instanceof Y.ContentString) return;
  if (!(content instanceof Y.ContentFormat)) refuse(item, `${content.constructor.name} in text`);
  const name = HASHED_MARK_NAME.exec(content.key)?.[1] ?? content.key;
  const mark = schema.marks[name];
  if (!mark) refuse(item, `format "${content.key}" is no mark`);
  checkMarkValue(item, mark, content.value);
}

function checkItem(entry: InspectedItem, schema: Schema): void {
  const { parent, parentSub, item } = entry;
  if (parent === null) return; // integrated as garbage: no content survives
  const deleted = item.content instanceof Y.ContentDeleted;
  if (parent.kind === 'root') {
    if (parent.name !== CONTENT_FRAGMENT) refuse(entry, `root type "${parent.name}"`);
    if (parentSub !== null) refuse(entry, `attribute "${parentSub}" on the document`);
    if (!deleted) checkChild(entry, schema.topNodeType);
    return;
  }
  const { type } = parent;
  if (type.kind === 'XmlElement') {
    const node = schema.nodes[type.nodeName ?? ''];
    if (!node || node.isText || node === schema.topNodeType) {
      refuse(entry, `inside <${type.nodeName}>`);
    }
    if (deleted) return;
    if (parentSub !== null) checkAttribute(entry, node, parentSub);
    else checkChild(entry, node);
    return;
  }
  if (type.kind === 'XmlText') {
    if (parentSub !== null) refuse(entry, `attribute "${parentSub}" on text`);
    if (!deleted) checkText(entry, schema);
    return;
  }
  refuse(entry, `inside a ${type.kind}`);
}

/**
 * Refuses (throws {@link RefusedUpdate}) an update that would put into a paper's content doc
 * anything the paper schema does not have: a root other than the `default` fragment, an element
 * the schema has no node for or that may not sit where it is put (`<script>`, `<image>`, a
 * heading inside a list item's text), an attribute the node does not have or a value it may
 * not take (heading level 7), a text format that is no mark, a link to anything but http,
 * https or mailto. Editors built on the schema would drop such content — for everyone, since
 * the one who drops it writes the deletion back — and exports could carry it.
 *
 * Only what the update adds is checked; deletions are always fine. Works on the result of
 * {@link inspectUpdate}, which has already placed every item in its parent.
 */
export function validateContentUpdate(
  update: InspectedUpdate,
  schema: Schema = paperSchema(),
): void {
  for (const entry of update.items) {
    if (entry.isNew) checkItem(entry, schema);
  }
}
