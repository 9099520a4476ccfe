import * as Y from 'yjs';

/**
 * Thrown for an update a room must not apply; the message says why (for the log). The sender
 * is closed with 4400.
 */
export class RefusedUpdate extends Error {
  override readonly name: string = 'RefusedUpdate';
}

/**
 * Refused for now: the update depends on structs neither the doc nor the update has (a gap,
 * an unknown origin, parent or deleted clock). The sender may still send them: see DocRoom.
 */
export class MissingDependencies extends RefusedUpdate {
  override readonly name = 'MissingDependencies';
}

/** What a Yjs type is, as far as the schema cares. */
export interface TypeInfo {
  kind: 'XmlElement' | 'XmlText' | 'XmlFragment' | 'XmlHook' | 'Text' | 'Map' | 'Array' | 'Other';
  /** The element's node name, for `XmlElement`. */
  nodeName?: string;
}

/** Where an item will be integrated: a root type of the doc, or a type made by an item. */
export type ParentRef =
  { kind: 'root'; name: string } | { kind: 'type'; key: string; type: TypeInfo };

/** An item of the update and where Yjs will put it. */
export interface InspectedItem {
  item: Y.Item;
  /** `null`: Yjs integrates the item as garbage (its neighbour or parent was collected). */
  parent: ParentRef | null;
  /** The map key (attribute name, for an element) or `null` for a list child. */
  parentSub: string | null;
  /** False when the doc already has all of it: Yjs skips it, whatever it says. */
  isNew: boolean;
}

/** An update that passed {@link inspectUpdate}: every item with its resolved parent. */
export interface InspectedUpdate {
  items: InspectedItem[];
}

type Struct = Y.Item | Y.GC;

/** What {@link inspectUpdate} remembers about a struct it has walked past. */
interface Placed {
  parent: ParentRef | null;
  parentSub: string | null;
}

export function typeInfo(type: Y.AbstractType<unknown>): TypeInfo {
  // Subclasses first: XmlElement extends XmlFragment, XmlText extends Text, XmlHook extends Map.
  if (type instanceof Y.XmlElement) return { kind: 'XmlElement', nodeName: type.nodeName };
  if (type instanceof Y.XmlFragment) return { kind: 'XmlFragment' };
  if (type instanceof Y.XmlText) return { kind: 'XmlText' };
  if (type instanceof Y.Text) return { kind: 'Text' };
  if (type instanceof Y.XmlHook) return { kind: 'XmlHook' };
  if (type instanceof Y.Map) return { kind: 'Map' };
  if (type instanceof Y.Array) return { kind: 'Array' };
  return { kind: 'Other' };
}

function idKey(id: Y.ID): string {
  return `${id.client}:${id.clock}`;
}

/** The parent of an item already in the doc. */
function placedInDoc(item: Y.Item): Placed {
  const type = item.parent as Y.AbstractType<unknown>;
  const parent: ParentRef = type._item
    ? { kind: 'type', key: idKey(type._item.id), type: typeInfo(type) }
    : { kind: 'root', name: Y.findRootTypeKey(type) };
  return { parent, parentSub: item.parentSub };
}

function parentKey(parent: ParentRef): string {
  return parent.kind === 'root' ? `root:${parent.name}` : parent.key;
}

function sameParent(a: Placed, b: Placed): boolean {
  if (a.parentSub !== b.parentSub) return false;
  if (a.parent === null || b.parent === null) return a.parent === b.parent;
  return parentKey(a.parent) === parentKey(b.parent);
}

/**
 * Checks that an update can be applied to `doc` completely and at once, before it touches the
 * doc, and works out where each of its items will go (for the schema check).
 *
 * Refused (throws {@link RefusedUpdate}, or the decoder's own error for bytes that are no
 * update):
 * - structs that start after what the doc (plus the update's earlier structs) has of their
 *   client: a gap. Yjs would keep them as pending structs, waiting for a dependency that may
 *   never come, and an attacker could pile those up without bound;
 * - items whose left/right origin or parent is unknown to the doc and the update, or that
 *   depend on each other in a cycle (pending again);
 * - references Yjs would look up without checking (an origin of the sender's own client at or
 *   after the item, a parent that is no type): Yjs throws on those mid-way, leaving the update
 *   half applied;
 * - origins in two different parents, or an overlap with a known struct in another parent:
 *   Yjs would link the item into a list it does not belong to;
 * - deletions of clocks neither the doc nor the update has (Yjs keeps them as pending);
 * - sub-documents (Standpunt has none).
 *
 * Walks the clients the way Yjs' `integrateStructs` does (a client's structs in order; a
 * missing dependency on another client is resolved by walking that client first), so what
 * passes here is integrated by Yjs without leaving anything pending.
 */
export function inspectUpdate(doc: Y.Doc, update: Uint8Array): InspectedUpdate {
  const { structs, ds } = Y.decodeUpdate(update) as {
    structs: Array<Y.Item | Y.GC | Y.Skip>;
    ds: { clients: Map<number, Array<{ clock: number; len: number }>> };
  };
  const byClient = new Map<number, Array<Y.Item | Y.GC | Y.Skip>>();
  /** Per client, the structs that hold content (no skips), in clock order: for lookups. */
  const solid = new Map<number, Struct[]>();
  for (const struct of structs) {
    const client = struct.id.client;
    if (!byClient.has(client)) byClient.set(client, []);
    byClient.get(client)!.push(struct);
    if (struct instanceof Y.Skip) continue;
    if (!solid.has(client)) solid.set(client, []);
    solid.get(client)!.push(struct);
  }
  /** The doc's clock per client before the update: below it, references are looked up there. */
  const known = (client: number) => Y.getState(doc.store, client);
  /** How far each client is integrated so far, the update's walked structs included. */
  const reached = new Map<number, number>();
  const reachedOf = (client: number) => reached.get(client) ?? known(client);
  const nextIndex = new Map<number, number>();
  const walking = new Set<number>();
  const placed = new Map<Struct, Placed>();
  const items: InspectedItem[] = [];

  /** The struct holding `id`, in the doc or among the update's walked structs. */
  const structAt = (id: Y.ID): Struct => {
    if (id.clock < known(id.client)) return Y.getItem(doc.store, id) as Struct;
    // Binary search: an update can hold a whole document's structs.
    const list = solid.get(id.client) ?? [];
    let low = 0;
    let high = list.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const struct = list[middle]!;
      if (id.clock < struct.id.clock) high = middle - 1;
      else if (id.clock >= struct.id.clock + struct.length) low = middle + 1;
      else return struct;
    }
    throw new RefusedUpdate(`no struct at ${idKey(id)}`);
  };
  const placementOf = (struct: Struct): Placed | null => {
    if (struct instanceof Y.GC) return null;
    return placed.get(struct) ?? placedInDoc(struct);
  };

  /** Makes sure `id` is integrated before the item that refers to it. */
  const require = (id: Y.ID, from: Y.Item): void => {
    if (id.clock < reachedOf(id.client)) return;
    if (id.client !== from.id.client) walk(id.client);
    if (id.clock >= reachedOf(id.client)) {
      // Of the sender's own client at or after the item (Yjs would throw half way), or a cycle:
      // nothing can fill that. Anything else may come later.
      const never = id.client === from.id.client || walking.has(id.client);
      const Refusal = never ? RefusedUpdate : MissingDependencies;
      throw new Refusal(`${idKey(from.id)} refers to unknown ${idKey(id)}`);
    }
  };

  const place = (item: Y.Item): Placed | null => {
    if (item.content instanceof Y.ContentDoc) throw new RefusedUpdate('sub-documents');
    const left = item.origin ? structAt(item.origin) : null;
    const right = item.rightOrigin ? structAt(item.rightOrigin) : null;
    if (left instanceof Y.GC || right instanceof Y.GC) return null;
    if (item.parent === null) {
      const fromLeft = left ? placementOf(left) : null;
      const fromRight = right ? placementOf(right) : null;
      if (fromLeft && fromRight && !sameParent(fromLeft, fromRight)) {
        throw new RefusedUpdate(`${idKey(item.id)} has origins in two parents`);
      }
      return fromLeft ?? fromRight;
    }
    if (typeof item.parent === 'string') {
      return { parent: { kind: 'root', name: item.parent }, parentSub: item.parentSub };
    }
    const parentId = item.parent as Y.ID;
    const parentStruct = structAt(parentId);
    if (parentStruct instanceof Y.GC) return null;
    if (!(parentStruct.content instanceof Y.ContentType)) {
      throw new RefusedUpdate(`${idKey(item.id)} has a parent that is no type`);
    }
    return {
      parent: {
        kind: 'type',
        key: idKey(parentStruct.id),
        type: typeInfo(parentStruct.content.type as Y.AbstractType<unknown>),
      },
      parentSub: item.parentSub,
    };
  };

  /** Walks a client's structs in clock order, as far as the update goes. */
  function walk(client: number): void {
    if (walking.has(client)) return; // a cycle: the caller finds its dependency still missing
    walking.add(client);
    const list = byClient.get(client) ?? [];
    let index = nextIndex.get(client) ?? 0;
    for (; index < list.length; index++) {
      const struct = list[index]!;
      // A skip stands for clocks the update does not have: what follows it is a gap.
      if (struct instanceof Y.Skip) continue;
      const start = reachedOf(client);
      if (struct.id.clock > start) {
        throw new MissingDependencies(`gap: ${idKey(struct.id)} after clock ${start}`);
      }
      if (struct instanceof Y.Item) {
        for (const id of [struct.origin, struct.rightOrigin]) if (id) require(id, struct);
        if (struct.parent !== null && typeof struct.parent !== 'string') {
          require(struct.parent as Y.ID, struct);
        }
        const where = place(struct);
        const isNew = struct.id.clock + struct.length > start;
        if (isNew && struct.id.clock < start && where) {
          // Yjs splits the item and links the rest after the struct the doc ends with.
          const before = structAt(Y.createID(client, start - 1));
          const beforePlaced = placementOf(before);
          if (!beforePlaced || !sameParent(beforePlaced, where)) {
            throw new RefusedUpdate(`${idKey(struct.id)} overlaps a struct in another parent`);
          }
        }
        placed.set(struct, where ?? { parent: null, parentSub: null });
        items.push({
          item: struct,
          parent: where?.parent ?? null,
          parentSub: where?.parentSub ?? null,
          isNew,
        });
      }
      reached.set(client, Math.max(start, struct.id.clock + struct.length));
      nextIndex.set(client, index + 1);
    }
    walking.delete(client);
  }

  for (const client of byClient.keys()) walk(client);

  for (const [client, ranges] of ds.clients) {
    for (const { clock, len } of ranges) {
      if (clock + len > reachedOf(client)) {
        throw new MissingDependencies(`deletes unknown ${client}:${clock}+${len}`);
      }
    }
  }
  return { items };
}
