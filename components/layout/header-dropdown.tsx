import type { ReactElement, ReactNode } from 'react';
import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import { menuContentClass } from '@/components/ui/menu';

/** A header menu (Radix's dropdown): its button, and what opens under it, inside the screen. */
export function HeaderDropdown({
  defaultOpen,
  trigger,
  align,
  className,
  children,
}: {
  defaultOpen: boolean;
  trigger: ReactElement;
  align: 'start' | 'end';
  /** Its width. */
  className: string;
  children: ReactNode;
}) {
  return (
    <DropdownMenu.Root defaultOpen={defaultOpen}>
      <DropdownMenu.Trigger asChild>{trigger}</DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content align={align} sideOffset={6} collisionPadding={8} className={`${menuContentClass} ${className}`}>
          {children}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
