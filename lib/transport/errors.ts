/**
 * What an error from the proxy (Hangar's own or GitHub's, passed through) means to a person.
 * Pure: the UI decides how to show it, this decides what to say. Loaded where an error is shown
 * (ErrorAlert, a change's failure notice), not with `/`'s first load: the class and what code
 * decides by are api-error.ts's.
 */
import { ApiError, isRateLimited, type ErrorFacts } from './api-error';
import {
  describePermissions,
  oauthRestrictedOrganization,
  parseAcceptedPermissions,
  parseGithubSso,
  SSO_LINK_EXPIRES,
  ssoOrganization,
  type Refusal,
} from '@/lib/github/refusals';

type ErrorKind =
  | 'session'
  | 'billing'
  | 'permission'
  | 'sso'
  | 'oauthRestricted'
  | 'rateLimit'
  | 'notFound'
  | 'conflict'
  | 'validation'
  | 'tooLarge'
  | 'upstream'
  | 'timeout'
  | 'network';

export interface ErrorDescription {
  kind: ErrorKind;
  title: string;
  detail: string;
  /** Whether trying the same thing again later can work. */
  retryable: boolean;
  refusal?: Refusal;
}

/** GitHub's message as a sentence of its own (GitHub often leaves off the full stop). */
function asSentence(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/** A 403 that says why, in a way Hangar can do something with; null for any other 403. */
function describeRefusal(facts: ErrorFacts, said: string | undefined): ErrorDescription | null {
  const sso = parseGithubSso(facts.sso);
  if (sso?.kind === 'required') {
    const organization = ssoOrganization(sso.url);
    return {
      kind: 'sso',
      title: 'Single sign-on required',
      detail: `${organization ?? 'This organisation'} enforces SAML single sign-on, and your sign-in to Hangar is not authorized for it yet. Authorize it on GitHub, then try again. ${SSO_LINK_EXPIRES}`,
      retryable: false,
      refusal: { kind: 'sso', url: sso.url, organization },
    };
  }
  const restricted = oauthRestrictedOrganization(said);
  if (restricted) {
    return {
      kind: 'oauthRestricted',
      title: `${restricted} has not approved Hangar`,
      detail: `${restricted} restricts OAuth Apps: GitHub shows Hangar none of its data until an owner of ${restricted} approves Hangar. You can ask for approval on GitHub.`,
      retryable: false,
      refusal: { kind: 'oauthRestricted', organization: restricted },
    };
  }
  const permissions = parseAcceptedPermissions(facts.acceptedPermissions);
  if (permissions.length) {
    return {
      kind: 'permission',
      title: 'Not allowed',
      detail: `${said ? asSentence(said) : 'GitHub refused this request.'} It needs a permission Hangar has not been granted: ${describePermissions(permissions)}.`,
      retryable: false,
      refusal: { kind: 'permission', permissions },
    };
  }
  return null;
}

function clockTime(epochMs: number): string {
  return new Date(epochMs).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'UTC' }) + ' UTC';
}

function rateLimitLifts(facts: ErrorFacts, now: number): string {
  if (facts.retryAfter !== undefined) {
    const at = now + facts.retryAfter * 1000;
    return facts.retryAfter < 120 ? `in ${Math.max(1, Math.ceil(facts.retryAfter))} seconds` : `at ${clockTime(at)}`;
  }
  if (facts.rateLimitReset !== undefined) return `at ${clockTime(facts.rateLimitReset * 1000)}`;
  return 'within the hour';
}

export function describeError(facts: ErrorFacts, now: number = Date.now()): ErrorDescription {
  const said = facts.message?.trim();
  const { status } = facts;
  if (status === 0) {
    return { kind: 'network', title: 'Hangar is unreachable', detail: 'Check your connection; Hangar will try again.', retryable: true };
  }
  if (isRateLimited(facts)) {
    return {
      kind: 'rateLimit',
      title: 'GitHub rate limit reached',
      detail: `GitHub is limiting requests for your account. It lifts ${rateLimitLifts(facts, now)}.`,
      retryable: true,
    };
  }
  switch (status) {
    case 401:
      return {
        kind: 'session',
        title: 'Your session has ended',
        detail: 'Sign in with GitHub again to continue where you were.',
        retryable: false,
      };
    case 402:
      return {
        kind: 'billing',
        title: 'Codespaces billing limit reached',
        detail: `${said ? `GitHub says: “${said}”. ` : ''}The spending limit for Codespaces has been reached; raise it in the billing settings of the account that pays.`,
        retryable: false,
      };
    case 403:
      return (
        describeRefusal(facts, said) ?? {
          kind: 'permission',
          title: 'Not allowed',
          detail: `${said ?? 'GitHub refused this request.'} Your token may lack a scope, or you lack permission.`,
          retryable: false,
        }
      );
    case 404:
      return { kind: 'notFound', title: 'Not found', detail: 'It may have been deleted, or you no longer have access.', retryable: false };
    case 409:
      return {
        kind: 'conflict',
        title: 'Another operation is in progress',
        detail: `${said ?? 'GitHub reported a conflicting operation.'} Wait for it to finish, then try again.`,
        retryable: true,
      };
    case 413:
      return {
        kind: 'tooLarge',
        title: 'Request too large',
        detail: said ?? 'The request was larger than Hangar accepts.',
        retryable: false,
      };
    case 400:
    case 422:
      return { kind: 'validation', title: 'GitHub could not accept that', detail: said ?? 'Some input was invalid.', retryable: false };
    case 504:
      return {
        kind: 'timeout',
        title: 'GitHub is not answering',
        // A timed-out change may still happen upstream: never invite a blind repeat.
        detail:
          facts.method && facts.method !== 'GET'
            ? 'It did not answer in time. The change may still go through: check the codespace before asking again.'
            : 'It did not answer in time. Hangar keeps trying and shows the latest it has.',
        retryable: true,
      };
  }
  if (status >= 500) {
    return {
      kind: 'upstream',
      title: 'GitHub is having trouble',
      detail: `GitHub answered ${status}${said ? ` (“${said}”)` : ''}. Try again in a moment.`,
      retryable: true,
    };
  }
  return { kind: 'validation', title: `Request failed (${status})`, detail: said ?? 'Something went wrong.', retryable: false };
}

/** Title and detail of any thrown error, in words for the user. */
export function describeFailure(error: unknown, fallbackTitle = 'Something went wrong'): { title: string; detail: string } {
  if (error instanceof ApiError) {
    const { title, detail } = describeError(error.facts);
    return { title, detail };
  }
  return { title: fallbackTitle, detail: error instanceof Error ? error.message : String(error) };
}

/** What GitHub refused and how to get past it (single sign-on, an approval, a permission), for a refusal's link. */
export function refusalOf(error: unknown): Refusal | undefined {
  return error instanceof ApiError ? describeError(error.facts).refusal : undefined;
}

/** An error's title: its words for an ApiError, its own message otherwise (a form's inline error). */
export function failureTitle(error: unknown): string {
  return error instanceof ApiError ? describeError(error.facts).title : error instanceof Error ? error.message : String(error);
}

// The organisation pages and the server's reads still take the class from here (api-error.ts on `/`).
export { ApiError, endsSession } from './api-error';
