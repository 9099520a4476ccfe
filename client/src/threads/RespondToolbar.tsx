import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';
import { useRef } from 'react';
import { useT } from '../i18n/useT';
import { ToolbarButton } from '../paper/ToolbarButton';
import { shortcutLabel } from '../paper/toolbarItems';
import { useRovingFocus } from '../paper/useRovingFocus';
import { RESPOND_SHORTCUTS } from './respondShortcuts';

const MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

interface RespondToolbarProps {
  editor: Editor;
  onComment: () => void;
  onSuggest: () => void;
  onWholePaper: () => void;
}

/** "Reageren": comment on or suggest a change to the selection, or comment on the whole paper. */
export function RespondToolbar({
  editor,
  onComment,
  onSuggest,
  onWholePaper,
}: RespondToolbarProps) {
  const t = useT();
  const toolbar = useRef<HTMLDivElement>(null);
  const roving = useRovingFocus(toolbar);
  const hasSelection = useEditorState({
    editor,
    selector: ({ editor: current }) => !current.state.selection.empty,
  });
  const title = (label: string, shortcut: string) => `${label} (${shortcutLabel(shortcut, MAC)})`;

  return (
    <div
      ref={toolbar}
      role="toolbar"
      aria-label={t('threads.new.bar')}
      aria-controls="paper-editor"
      className="standpunt-toolbar standpunt-respond-bar"
      onKeyDown={roving.onKeyDown}
      onFocus={roving.onFocus}
    >
      <ToolbarButton
        label={t('threads.new.comment')}
        title={title(
          hasSelection ? t('threads.new.comment') : t('threads.new.needsSelection'),
          RESPOND_SHORTCUTS.comment,
        )}
        disabled={!hasSelection}
        onClick={onComment}
      />
      <ToolbarButton
        label={t('threads.new.suggest')}
        title={title(t('threads.new.suggest'), RESPOND_SHORTCUTS.suggestion)}
        disabled={false}
        onClick={onSuggest}
      />
      <ToolbarButton
        label={t('threads.new.wholePaper')}
        title={t('threads.new.wholePaper')}
        disabled={false}
        onClick={onWholePaper}
      />
    </div>
  );
}
