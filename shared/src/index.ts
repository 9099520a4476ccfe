export { ERROR_STATUS, type ApiErrorBody, type ErrorCode } from './errors.js';
export {
  MIN_PASSWORD_LENGTH,
  createPaperRequestSchema,
  createUserRequestSchema,
  loginRequestSchema,
  organisationCodeSchema,
  patchPaperRequestSchema,
  setMemberRequestSchema,
  auditQuerySchema,
  type AuditQuery,
  type PaperMember,
  type CreatePaperRequest,
  type CreateUserRequest,
  type DirectoryEntry,
  type LoginRequest,
  type MeResponse,
  type PaperSummary,
  type PatchPaperRequest,
  type PublicUser,
  type SetMemberRequest,
} from './api.js';
export { BLOCK_ID_ATTRIBUTE, CONTENT_FRAGMENT, POSITIONS_MAP, THREADS_MAP } from './docLayout.js';
export { KNOWN_THEMES, PAPER_ROLES, PHASES, type PaperRole, type Phase } from './domain.js';
export {
  BLOCK_TYPES,
  HEADING_LEVELS,
  paperExtensions,
  paperSchema,
  type PaperExtensionsOptions,
} from './editorExtensions.js';
export { ALLOWED_LINK_PROTOCOLS, isAllowedLinkHref } from './links.js';
export { MUNICIPALITIES, PROVINCES, type Municipality, type Province } from './municipalities.js';
export {
  VNG_CODE,
  findMunicipality,
  isOrganisationCode,
  organisationName,
} from './organisations.js';
export {
  COLLAB_PATH_PREFIX,
  CloseCode,
  DOC_NAMES,
  FATAL_CLOSE_CODES,
  MessageType,
  parseCollabPath,
  roomName,
  type DocName,
} from './protocol.js';
export { USER_COLORS, userColor } from './userColor.js';
export { PRESENCE_FIELD, type PresenceUser } from './presence.js';
export {
  PHASE_TRANSITIONS,
  canEditText,
  canManagePaper,
  canMovePhase,
  canReadPaper,
  canRespond,
  type Actor,
} from './permissions.js';
export {
  BLOCK_CHANGES,
  CONSULTATION_DRAFT_LABEL,
  DRAFT_EXPORT_FORMATS,
  REACTIENOTA_FORMATS,
  blockCitation,
  freezeDraftRequestSchema,
  type BlockChange,
  type BlockComparison,
  type ComparedSide,
  type Draft,
  type DraftComparison,
  type DraftExportFormat,
  type DraftSummary,
  type FreezeDraftRequest,
  type NumberedBlock,
  type PmNodeJson,
  type ReactienotaFormat,
  type VersionRef,
  type WordDiff,
} from './drafts.js';
export type { AuditActor, AuditDetails, AuditEvent, AuditEventType } from './audit.js';
export {
  DISPOSITIONS,
  MAX_QUOTE_LENGTH,
  STANCES,
  THREAD_KINDS,
  THREAD_STATUSES,
  WHOLE_PAPER,
  createThreadRequestSchema,
  dispositionRequestSchema,
  editThreadRequestSchema,
  positionKey,
  positionRequestSchema,
  replyRequestSchema,
  tallyPositions,
  type CreateThreadRequest,
  type Disposition,
  type DispositionRequest,
  type EditThreadRequest,
  type Position,
  type PositionEntry,
  type PositionRequest,
  type ReplyRequest,
  type Stance,
  type StanceTally,
  type Thread,
  type ThreadAnchor,
  type ThreadKind,
  type ThreadReply,
  type ThreadStatus,
} from './threads.js';
export { BlockNumberer } from './BlockNumberer.js';
export {
  SSO_ACCOUNT_REFUSALS,
  SSO_FAILURES,
  SSO_FAILURE_PARAM,
  emailDomain,
  isSsoFailure,
  ssoProviderForEmail,
  ssoStartPath,
  type SsoAccountRefusal,
  type SsoFailure,
  type SsoProviderSummary,
} from './sso.js';
