/**
 * What went wrong with a provider, as one of the login page's fixed reasons, and as a line for
 * the log. Neither holds a token: the log names the error's kind and openid-client's message
 * (which names a claim or a parameter, never its value); the provider's own
 * `error_description` goes to the log only, never to the person signing in.
 */
import * as oidc from 'openid-client';
import type { SsoFailure } from '@standpunt/shared';

/** openid-client's codes for an answer that arrived but could not be trusted. */
const UNTRUSTED_ANSWER = new Set([
  'OAUTH_INVALID_RESPONSE',
  'OAUTH_JWT_CLAIM_COMPARISON_FAILED',
  'OAUTH_JWT_TIMESTAMP_CHECK_FAILED',
  'OAUTH_JSON_ATTRIBUTE_COMPARISON_FAILED',
  'OAUTH_KEY_SELECTION_FAILED',
  'OAUTH_PARSE_ERROR',
  'OAUTH_RESPONSE_IS_NOT_JSON',
  'OAUTH_UNSUPPORTED_OPERATION',
]);

/** openid-client's codes for a provider that did not answer properly at all. */
const NO_ANSWER = new Set(['OAUTH_TIMEOUT', 'OAUTH_ABORT', 'OAUTH_RESPONSE_IS_NOT_CONFORM']);

export interface ClassifiedOidcError {
  failure: SsoFailure;
  /** For the log. */
  description: string;
}

export function classifyOidcError(error: unknown): ClassifiedOidcError {
  if (error instanceof oidc.AuthorizationResponseError) {
    // The provider sent the browser back with an error: cancelled, not allowed, …
    return {
      failure: 'provider_refused',
      description: `the provider answered the sign-in with "${error.error}"`,
    };
  }
  if (error instanceof oidc.ResponseBodyError) {
    // The token endpoint refused the code: expired, used before, or not this client's.
    return {
      failure: error.status >= 500 ? 'provider_unreachable' : 'provider_refused',
      description: `the token endpoint answered ${error.status} "${error.error}"`,
    };
  }
  if (error instanceof oidc.ClientError) {
    const code = error.code ?? 'no code';
    // openid-client's own message is general ("invalid response encountered"); the one it
    // wraps says which check failed.
    const detail = error.cause instanceof Error ? `: ${error.cause.message}` : '';
    if (NO_ANSWER.has(code)) {
      return {
        failure: 'provider_unreachable',
        description: `${error.message}${detail} (${code})`,
      };
    }
    if (UNTRUSTED_ANSWER.has(code)) {
      return { failure: 'token_invalid', description: `${error.message}${detail} (${code})` };
    }
    return { failure: 'failed', description: `${error.message}${detail} (${code})` };
  }
  if (error instanceof TypeError && /fetch failed/i.test(error.message)) {
    const cause = (error.cause as { code?: string } | undefined)?.code;
    return {
      failure: 'provider_unreachable',
      description: `the provider could not be reached${cause ? ` (${cause})` : ''}`,
    };
  }
  return {
    failure: 'failed',
    description: error instanceof Error ? (error.stack ?? error.message) : String(error),
  };
}
