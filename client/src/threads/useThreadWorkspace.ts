import { WHOLE_PAPER, type PaperSummary, type Thread, type ThreadKind } from '@standpunt/shared';
import type { Editor } from '@tiptap/core';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useCurrentUser } from '../auth/useCurrentUser';
import { LOCALES } from '../i18n/translate';
import { useLanguage } from '../i18n/useLanguage';
import { useT } from '../i18n/useT';
import type { LiveBlock } from './liveBlocks';
import { responseRights } from './threadActions';
import type { PlacedThread } from './threadAnchors';
import type { ThreadContext } from './threadContext';
import { draftFromSelection, wholePaperDraft, type ThreadDraft } from './threadDraft';
import { setThreadHighlights } from './ThreadHighlights';
import type { ThreadsDocState } from './useThreadsDoc';
import { useCursorThread } from './useCursorThread';
import { useLiveBlocks } from './useLiveBlocks';
import { useRespondShortcuts } from './useRespondShortcuts';
import { useThreadPlacements } from './useThreadPlacements';

/**
 * The state that ties the editor, its margin and the threads sidebar together: where threads
 * are, which one is chosen (in the sidebar or by the cursor), the thread being written and the
 * block whose positions are shown.
 */
export function useThreadWorkspace(
  editor: Editor | null,
  paper: PaperSummary,
  threadsDoc: ThreadsDocState,
) {
  const t = useT();
  const { language } = useLanguage();
  const user = useCurrentUser();
  const locale = LOCALES[language];
  const [message, setMessage] = useState<string | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [draft, setDraft] = useState<ThreadDraft | null>(null);
  const [positionTarget, setPositionTarget] = useState<string>(WHOLE_PAPER);
  const positionHeading = useRef<HTMLHeadingElement>(null);

  const rights = responseRights(user, paper, new Date().toISOString());
  const context: ThreadContext = { paperId: paper.id, rights, locale, onMessage: setMessage };

  const blocks = useLiveBlocks(editor);
  const blocksById = useMemo(
    () => new Map(blocks.map((b): [string, LiveBlock] => [b.id, b])),
    [blocks],
  );

  const placed = useThreadPlacements(editor, threadsDoc.threads, {
    proposal: t('threads.inline.proposal'),
  });
  useCursorThread(editor, placed, selectedId, setSelectedId);

  useEffect(() => {
    if (editor) setThreadHighlights(editor, { active: new Set(selectedId ? [selectedId] : []) });
  }, [editor, selectedId]);

  const choose = useCallback(
    ({ thread, placement }: PlacedThread) => {
      setSelectedId(thread.id);
      if (editor && placement.type === 'anchored') {
        editor
          .chain()
          .setTextSelection({ from: placement.from, to: placement.to })
          .scrollIntoView()
          .run();
      }
    },
    [editor],
  );

  const startDraft = useCallback(
    (kind: ThreadKind) => {
      if (!editor) return;
      const outcome = draftFromSelection(editor, kind);
      if (outcome.type === 'ok') setDraft(outcome.draft);
      else
        setMessage(
          t(outcome.type === 'tooLong' ? 'threads.new.tooLong' : 'threads.new.needsSelection'),
        );
    },
    [editor, t],
  );
  const startWholePaper = useCallback(() => setDraft(wholePaperDraft()), []);

  useRespondShortcuts(editor, rights.respond, (shortcut) => startDraft(shortcut));

  const onPlaced = useCallback(
    (thread: Thread) => {
      setDraft(null);
      setSelectedId(thread.id);
      setMessage(t('threads.new.placed'));
      editor?.commands.focus();
    },
    [editor, t],
  );
  const cancelDraft = useCallback(() => {
    setDraft(null);
    editor?.commands.focus();
  }, [editor]);

  const choosePositionTarget = useCallback((blockId: string) => {
    setPositionTarget(blockId);
    requestAnimationFrame(() => positionHeading.current?.focus());
  }, []);

  return {
    user,
    rights,
    context,
    message,
    blocks,
    blocksById,
    placed,
    selectedId,
    choose,
    draft,
    startDraft,
    startWholePaper,
    onPlaced,
    cancelDraft,
    positionTarget,
    positionHeading,
    choosePositionTarget,
  };
}
