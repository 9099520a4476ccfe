/** The servers compared: ours first, then the references. */
export const SERVER_KINDS = ['ours', 'y-websocket', 'hocuspocus'] as const;
export type ServerKind = (typeof SERVER_KINDS)[number];

export const SERVER_LABELS: Record<ServerKind, string> = {
  ours: 'Standpunt',
  'y-websocket': '@y/websocket-server 0.1.1',
  hocuspocus: '@hocuspocus/server 3.4.4',
};
