import type { IncomingMessage } from 'node:http';
import proxyaddr from 'proxy-addr';

/**
 * Which proxies in front of the server to believe about the client's address
 * (`STANDPUNT_TRUST_PROXY`), as Express' `trust proxy`: the number of proxies in front, or
 * their addresses and subnets (`loopback`, `10.0.0.0/8`, …). Null: none, the socket's own
 * address is the client's.
 */
export type TrustProxy = { hops: number } | { addresses: string[] } | null;

/** The address requests and upgrades come from, as `trust` lets X-Forwarded-For tell it. */
export type ClientAddressOf = (req: IncomingMessage) => string;

/** Throws (naming what is wrong) on an address or subnet that is not one. */
export function clientAddressOf(trust: TrustProxy): ClientAddressOf {
  if (!trust) return (req) => req.socket.remoteAddress ?? '';
  const trusted =
    'hops' in trust
      ? (_address: string, hop: number) => hop < trust.hops
      : proxyaddr.compile(trust.addresses);
  return (req) => proxyaddr(req, trusted);
}

/** `STANDPUNT_TRUST_PROXY`: empty for none, a number of hops, or a comma-separated list. */
export function trustProxyFromEnv(value: string | undefined): TrustProxy | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return { hops: Number(trimmed) };
  const addresses = trimmed
    .split(',')
    .map((address) => address.trim())
    .filter(Boolean);
  try {
    proxyaddr.compile(addresses);
  } catch (error) {
    throw new Error(`STANDPUNT_TRUST_PROXY: ${error instanceof Error ? error.message : error}`);
  }
  return { addresses };
}
