import type { Editor } from '@tiptap/react';
import { useRef } from 'react';
import { useT } from '../i18n/useT';
import { HISTORY_ITEMS, TOOLBAR_GROUPS, shortcutLabel, type ToolbarItem } from './toolbarItems';
import { ToolbarButton } from './ToolbarButton';
import { useRovingFocus } from './useRovingFocus';
import { useToolbarState } from './useToolbarState';

const ALL_ITEMS = [...TOOLBAR_GROUPS.flat(), ...HISTORY_ITEMS];
const MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

interface EditorToolbarProps {
  editor: Editor;
  editable: boolean;
  onLink: () => void;
}

/** "Opmaak": block types, marks, lists, link, undo and redo. */
export function EditorToolbar({ editor, editable, onLink }: EditorToolbarProps) {
  const t = useT();
  const toolbar = useRef<HTMLDivElement>(null);
  const roving = useRovingFocus(toolbar);

  const state = useToolbarState(editor, ALL_ITEMS, editable);

  const title = (label: string, shortcut?: string) =>
    shortcut ? `${label} (${shortcutLabel(shortcut, MAC)})` : label;

  const button = (item: ToolbarItem) => (
    <ToolbarButton
      key={item.id}
      label={t(item.label)}
      title={title(t(item.label), item.shortcut)}
      pressed={item.isActive ? (state.active[item.id] ?? false) : undefined}
      disabled={!editable || !state.can[item.id]}
      onClick={() => item.run(editor)}
    />
  );

  return (
    <div
      ref={toolbar}
      role="toolbar"
      aria-label={t('toolbar.label')}
      aria-controls="paper-editor"
      className="standpunt-toolbar"
      onKeyDown={roving.onKeyDown}
      onFocus={roving.onFocus}
    >
      {TOOLBAR_GROUPS.map((group, index) => (
        <div key={index} role="group" className="standpunt-toolbar__group">
          {group.map(button)}
        </div>
      ))}
      <div role="group" className="standpunt-toolbar__group">
        <ToolbarButton
          label={t('toolbar.link')}
          title={title(t('toolbar.link'), 'Mod+K')}
          pressed={state.link}
          disabled={!editable}
          onClick={onLink}
        />
      </div>
      <div role="group" className="standpunt-toolbar__group">
        {HISTORY_ITEMS.map(button)}
      </div>
    </div>
  );
}
