'use client';

import { useState } from 'react';
import { leftView, leftViewMessage } from '@/lib/codespaces/domain/left-view';
import type { CodespaceSummary } from '@/lib/codespaces/domain/types';

/**
 * What to tell the user when a codespace they acted on (`acting`: its action on its way) leaves
 * the filtered list they look at, e.g. "Stopping Usage view: it left this filtered view." Kept
 * until the next such change or until the filters change (`filtersKey`): the user moved the
 * view, the old news goes. Worked out as the rows change, during render (no effect, no flash).
 */
export function useLeftViewNotice(
  rows: readonly CodespaceSummary[],
  all: readonly CodespaceSummary[],
  acting: ReadonlySet<string>,
  filtersKey: string,
): string | null {
  const [seen, setSeen] = useState({ rows, filtersKey, acting, notice: null as string | null });
  if (seen.rows !== rows || seen.filtersKey !== filtersKey || seen.acting !== acting) {
    let notice = seen.filtersKey === filtersKey ? seen.notice : null;
    if (seen.filtersKey === filtersKey && seen.rows !== rows) {
      // An action's state and its row's leaving may land in either order: either render's actions count.
      const left = leftView(seen.rows, rows, all, new Set([...seen.acting, ...acting]));
      notice = leftViewMessage(left) ?? notice;
    }
    setSeen({ rows, filtersKey, acting, notice });
    return notice;
  }
  return seen.notice;
}
