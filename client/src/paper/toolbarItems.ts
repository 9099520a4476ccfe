import type { Editor } from '@tiptap/react';
// Brings the command types of the StarterKit extensions (toggleBold, setLink, …) into scope.
import type {} from '@tiptap/starter-kit';
import type { MessageKey } from '../i18n/nl';

export interface ToolbarItem {
  id: string;
  label: MessageKey;
  /** Key combination, "Mod" being Ctrl (⌘ on a Mac), as TipTap binds it. */
  shortcut?: string;
  /** Toggles show their state with aria-pressed. */
  isActive?: (editor: Editor) => boolean;
  canRun: (editor: Editor) => boolean;
  run: (editor: Editor) => void;
}

const heading = (level: 1 | 2 | 3): ToolbarItem => ({
  id: `heading${level}`,
  label: `toolbar.heading${level}`,
  shortcut: `Mod+Alt+${level}`,
  isActive: (editor) => editor.isActive('heading', { level }),
  canRun: (editor) => editor.can().toggleHeading({ level }),
  run: (editor) => editor.chain().focus().toggleHeading({ level }).run(),
});

/** The formatting buttons, in toolbar order, grouped. Link has its own form. */
export const TOOLBAR_GROUPS: readonly (readonly ToolbarItem[])[] = [
  [
    heading(1),
    heading(2),
    heading(3),
    {
      id: 'paragraph',
      label: 'toolbar.paragraph',
      shortcut: 'Mod+Alt+0',
      isActive: (editor) => editor.isActive('paragraph'),
      canRun: (editor) => editor.can().setParagraph(),
      run: (editor) => editor.chain().focus().setParagraph().run(),
    },
  ],
  [
    {
      id: 'bold',
      label: 'toolbar.bold',
      shortcut: 'Mod+B',
      isActive: (editor) => editor.isActive('bold'),
      canRun: (editor) => editor.can().toggleBold(),
      run: (editor) => editor.chain().focus().toggleBold().run(),
    },
    {
      id: 'italic',
      label: 'toolbar.italic',
      shortcut: 'Mod+I',
      isActive: (editor) => editor.isActive('italic'),
      canRun: (editor) => editor.can().toggleItalic(),
      run: (editor) => editor.chain().focus().toggleItalic().run(),
    },
  ],
  [
    {
      id: 'bulletList',
      label: 'toolbar.bulletList',
      shortcut: 'Mod+Shift+8',
      isActive: (editor) => editor.isActive('bulletList'),
      canRun: (editor) => editor.can().toggleBulletList(),
      run: (editor) => editor.chain().focus().toggleBulletList().run(),
    },
    {
      id: 'orderedList',
      label: 'toolbar.orderedList',
      shortcut: 'Mod+Shift+7',
      isActive: (editor) => editor.isActive('orderedList'),
      canRun: (editor) => editor.can().toggleOrderedList(),
      run: (editor) => editor.chain().focus().toggleOrderedList().run(),
    },
    {
      id: 'blockquote',
      label: 'toolbar.blockquote',
      shortcut: 'Mod+Shift+B',
      isActive: (editor) => editor.isActive('blockquote'),
      canRun: (editor) => editor.can().toggleBlockquote(),
      run: (editor) => editor.chain().focus().toggleBlockquote().run(),
    },
  ],
];

export const HISTORY_ITEMS: readonly ToolbarItem[] = [
  {
    id: 'undo',
    label: 'toolbar.undo',
    shortcut: 'Mod+Z',
    canRun: (editor) => editor.can().undo(),
    run: (editor) => editor.chain().focus().undo().run(),
  },
  {
    id: 'redo',
    label: 'toolbar.redo',
    shortcut: 'Mod+Shift+Z',
    canRun: (editor) => editor.can().redo(),
    run: (editor) => editor.chain().focus().redo().run(),
  },
];

/** "Mod+Shift+Z" as the reader's keyboard says it: "Ctrl+Shift+Z" or "⌘+Shift+Z". */
export function shortcutLabel(shortcut: string, mac: boolean): string {
  return shortcut.replace('Mod', mac ? '⌘' : 'Ctrl').replace('Alt', mac ? '⌥' : 'Alt');
}
