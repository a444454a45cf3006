import { Icon } from '@/components/ui/icon';
import { workAtRisk } from '@/lib/codespaces/domain/state';
import type { Codespace } from '@/lib/codespaces/domain/types';

/** Work that lives only in the codespace: unpushed commits, uncommitted changes. */
export function WorkFlags({ codespace, wrap = true }: { codespace: Pick<Codespace, 'git_status'>; wrap?: boolean }) {
  const { unpushed, uncommitted, ahead } = workAtRisk(codespace);
  if (!unpushed && !uncommitted) return null;
  const flag = 'inline-flex items-center gap-0.5 rounded px-1.5 py-0.5 text-[11px] font-medium';
  return (
    <span className={`flex gap-1 ${wrap ? 'flex-wrap' : 'shrink-0 flex-nowrap'}`}>
      {unpushed && (
        <span className={`${flag} bg-orange-100 text-orange-800 dark:bg-orange-500/15 dark:text-orange-300`}>
          <Icon name="arrow-up" className="size-3" />
          {ahead > 0 ? `${ahead} unpushed` : 'Unpushed'}
        </span>
      )}
      {uncommitted && (
        <span className={`${flag} bg-violet-100 text-violet-800 dark:bg-violet-500/15 dark:text-violet-300`}>
          <Icon name="file-pen" className="size-3" />
          Uncommitted
        </span>
      )}
    </span>
  );
}
