/**
 * The look of every dropdown menu (Radix DropdownMenu), so the header's menus match. Never wider
 * or taller than the screen leaves room for (with the menus' collision padding, on a phone too).
 */
export const menuContentClass =
  'z-50 max-h-(--radix-dropdown-menu-content-available-height) max-w-[calc(100vw-1rem)] overflow-y-auto rounded-lg border border-zinc-200 bg-white p-1 text-sm shadow-lg dark:border-zinc-800 dark:bg-zinc-900';

export const menuItemClass =
  'flex cursor-pointer items-center gap-2 rounded-md px-2.5 py-1.5 outline-none data-highlighted:bg-zinc-100 dark:data-highlighted:bg-zinc-800';
