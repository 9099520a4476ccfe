export { AwarenessSweeper } from './AwarenessSweeper.js';
export type { CollabIdentity } from './CollabIdentity.js';
export { CollabServer, type CollabServerOptions } from './CollabServer.js';
export { DocRoom, type DocRoomOptions } from './DocRoom.js';
export { LoadedPaper, type LoadedPaperOptions } from './LoadedPaper.js';
export { MemoryRoomSocket } from './MemoryRoomSocket.js';
export { RoomConnection } from './RoomConnection.js';
export { RoomRegistry, type RoomRegistryOptions } from './RoomRegistry.js';
export type { RoomSocket } from './RoomSocket.js';
export {
  serverActionOrigin,
  storageLoadOrigin,
  toTransactionOrigin,
  type RemoteOrigin,
  type ServerActionOrigin,
  type StorageLoadOrigin,
  type TransactionOrigin,
} from './transactionOrigins.js';
