import type { PaperSummary, PresenceUser } from '@standpunt/shared';
import type { ReactNode } from 'react';
import { useT } from '../i18n/useT';
import { BlockMargin } from '../threads/BlockMargin';
import { NewThreadForm } from '../threads/NewThreadForm';
import { PositionPanel } from '../threads/PositionPanel';
import { RespondToolbar } from '../threads/RespondToolbar';
import { blockLabel } from '../threads/threadLabels';
import { ThreadSidebar } from '../threads/ThreadSidebar';
import type { ThreadsDocState } from '../threads/useThreadsDoc';
import { useThreadWorkspace } from '../threads/useThreadWorkspace';
import { LiveEditor } from './LiveEditor';
import type { CollabSession } from './useCollabSession';
import { usePaperEditor } from './usePaperEditor';

interface SyncedWorkspaceProps {
  session: CollabSession;
  presence: PresenceUser;
  paper: PaperSummary;
  mayEdit: boolean;
  threadsDoc: ThreadsDocState;
  /** Connection state and why the text is read-only. */
  status: ReactNode;
  /** Who else is here. */
  presenceList: ReactNode;
}

/** The editor on the synced doc with its margin, and beside it the threads sidebar. */
export function SyncedWorkspace(props: SyncedWorkspaceProps) {
  const { session, presence, paper, mayEdit, threadsDoc } = props;
  const t = useT();
  const editor = usePaperEditor({
    session,
    presence,
    label: t('paper.editorLabel'),
    editable: mayEdit,
  });
  const ws = useThreadWorkspace(editor, paper, threadsDoc);

  return (
    <div className="standpunt-workspace">
      <div className="standpunt-workspace__main">
        {props.status}
        {editor && ws.rights.respond && (
          <RespondToolbar
            editor={editor}
            onComment={() => ws.startDraft('comment')}
            onSuggest={() => ws.startDraft('suggestion')}
            onWholePaper={ws.startWholePaper}
          />
        )}
        {editor && (
          <LiveEditor
            editor={editor}
            mayEdit={mayEdit}
            margin={
              <BlockMargin
                editor={editor}
                blocks={ws.blocks}
                blocksById={ws.blocksById}
                positions={threadsDoc.positions}
                currentBlockId={ws.positionTarget}
                onChoose={ws.choosePositionTarget}
              />
            }
          />
        )}
      </div>
      <div className="standpunt-workspace__side">
        {props.presenceList}
        <ThreadSidebar
          synced={threadsDoc.synced}
          threads={threadsDoc.threads}
          placed={ws.placed}
          blocks={ws.blocks}
          blocksById={ws.blocksById}
          selectedId={ws.selectedId}
          context={ws.context}
          message={ws.message}
          onChoose={ws.choose}
          newThread={
            ws.draft && (
              <NewThreadForm
                key={`${ws.draft.kind}-${ws.draft.anchor?.from ?? ''}-${ws.draft.anchor?.to ?? ''}`}
                paperId={paper.id}
                draft={ws.draft}
                onPlaced={ws.onPlaced}
                onCancel={ws.cancelDraft}
              />
            )
          }
          positionPanel={
            <PositionPanel
              ref={ws.positionHeading}
              blockId={ws.positionTarget}
              blockName={blockLabel(ws.positionTarget, ws.blocksById, t)}
              positions={threadsDoc.positions}
              municipality={ws.user.municipality}
              context={ws.context}
              onWholePaper={() => ws.choosePositionTarget('paper')}
            />
          }
        />
      </div>
    </div>
  );
}
