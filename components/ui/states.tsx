import Link from 'next/link';
import { Lock, SearchX } from 'lucide-react';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorAlert } from '@/components/ui/error-alert';
import { ApiError } from '@/lib/transport/api-error';
import { refusalOf } from '@/lib/transport/errors';

/*
 * The states more than one view shows, in one place so that views never import each other for them.
 */

// Apart (still-loading.tsx): `/` shows it, and this module brings the error words with OrgError.
export { StillLoading } from './still-loading';

/**
 * 403 and 404 mean different things here; both are explained, not just reported. `doing` is what
 * only owners may do on this page ("see its codespaces"), `ask` what to ask an owner for instead.
 * A 403 that names its reason (single sign-on, an OAuth App restriction, a GitHub App permission
 * missing) is not about ownership: it is said in its own words.
 */
export function OrgError({
  org,
  error,
  onRetry,
  doing = 'see its codespaces',
  ask = 'review the organisation’s codespaces',
}: {
  org: string;
  error: unknown;
  onRetry: () => void;
  doing?: string;
  ask?: string;
}) {
  if (error instanceof ApiError && error.status === 403 && !refusalOf(error)) {
    return (
      <EmptyState icon={<Lock className="size-10" />} title={`Only owners of ${org} can ${doing}`}>
        <p>
          GitHub refused: “{error.facts.message ?? 'Forbidden'}”. You are a member of {org} but not one of its owners. Ask an owner to {ask}
          , or to make you an owner.
        </p>
        <p className="mt-2">
          <Link href="/" className="text-sky-700 underline dark:text-sky-400">
            Back to your own codespaces
          </Link>
        </p>
      </EmptyState>
    );
  }
  if (error instanceof ApiError && error.status === 404) {
    return (
      <EmptyState icon={<SearchX className="size-10" />} title={`No organization named ${org}`}>
        It does not exist, or you are not a member of it.
      </EmptyState>
    );
  }
  return <ErrorAlert error={error} onRetry={onRetry} />;
}
