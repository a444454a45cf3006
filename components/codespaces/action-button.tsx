'use client';

import type { ReactNode } from 'react';
import { Button, type ButtonProps } from '@/components/ui/button';
import { Tooltip } from '@/components/ui/tooltip';
import type { Availability } from '@/lib/codespaces/domain/state';

/**
 * A codespace action's button. When the state does not allow the action it stays visible,
 * disabled, and says why on hover and keyboard focus.
 */
export function ActionButton({
  availability,
  children,
  label,
  ...props
}: ButtonProps & { availability: Availability; label: string; children: ReactNode }) {
  if (availability.allowed) return <Button {...props}>{children}</Button>;
  return (
    <Tooltip content={availability.reason}>
      {/* A disabled button cannot take focus; this wrapper lets keyboard users reach the reason. */}
      <span tabIndex={0} role="group" aria-label={`${label} unavailable: ${availability.reason}`} className="inline-flex rounded-md">
        <Button {...props} disabled tabIndex={-1} aria-hidden>
          {children}
        </Button>
      </span>
    </Tooltip>
  );
}
