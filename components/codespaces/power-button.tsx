import { Icon } from '@/components/ui/icon';
import { codespaceTitle, powerAction } from '@/lib/codespaces/domain/state';
import type { CodespaceSummary } from '@/lib/codespaces/domain/types';
import { ActionButton } from './action-button';

type Props = {
  codespace: CodespaceSummary;
  /** Starts or stops it, whichever its state calls for (the page's usePowerActions). */
  onPower: (codespace: CodespaceSummary) => void;
  /** An action on it is on its way: the button waits. */
  pending: boolean;
  size?: 'sm' | 'md';
};

/** What a view with Start/Stop buttons takes from its page (usePowerActions gives it whole). */
export interface PowerProps {
  onPower: (codespace: CodespaceSummary) => void;
  /** Codespaces with an action on its way, whichever control asked: their buttons wait. */
  pendingNames: ReadonlySet<string>;
}

const LOOK = {
  start: { label: 'Start', icon: 'play' },
  stop: { label: 'Stop', icon: 'square' },
} as const;

/**
 * One-click Start or Stop, whichever the state calls for (lib/codespaces/domain/state.ts: powerAction),
 * disabled with the reason when it cannot be used now. The page owns the action (usePowerActions).
 */
export function PowerButton({ codespace, onPower, pending, size = 'sm' }: Props) {
  const { action, availability } = powerAction(codespace);
  const { label, icon } = LOOK[action];
  return (
    <ActionButton
      label={label}
      availability={availability}
      size={size}
      onClick={() => onPower(codespace)}
      disabled={pending}
      title={`${label} ${codespaceTitle(codespace)}`}
    >
      <Icon name={icon} className="size-3" /> {label}
    </ActionButton>
  );
}
