import type { ComponentProps } from 'react';
import { Icon } from '@/components/ui/icon';
import type { SignedInUser } from '@/lib/auth/token.server';

/** The signed-in user's avatar and login: the account menu's trigger. */
export function AccountButton({ user, ...props }: ComponentProps<'button'> & { user: SignedInUser }) {
  return (
    <button
      type="button"
      aria-label={`Account: ${user.login}`}
      aria-haspopup="menu"
      className="flex shrink-0 items-center gap-1.5 rounded-full py-1 pr-2 pl-1 text-sm hover:bg-zinc-200/70 dark:hover:bg-zinc-800"
      {...props}
    >
      {user.image ? (
        <img src={user.image} alt="" width={28} height={28} className="size-7 rounded-full bg-zinc-200 dark:bg-zinc-800" />
      ) : (
        <span className="flex size-7 items-center justify-center rounded-full bg-zinc-300 text-xs font-semibold dark:bg-zinc-700">
          {user.login.slice(0, 1).toUpperCase()}
        </span>
      )}
      <span className="hidden font-medium lg:inline">{user.login}</span>
      <Icon name="chevron-down" className="size-3.5 opacity-60" />
    </button>
  );
}
