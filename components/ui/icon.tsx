import type { IconName } from './icon-sprite';

/**
 * One of the sprite's icons (icon-sprite.tsx, in every page's HTML), drawn in the current colour
 * at the size `className` gives (`size-4`, as lucide's). Decorative unless given a `label` (an
 * icon that alone says something, e.g. an attention item's severity).
 */
export function Icon({ name, label, className }: { name: IconName; label?: string; className?: string }) {
  const meaning = label ? { role: 'img', 'aria-label': label } : { 'aria-hidden': true };
  return (
    <svg {...meaning} width="24" height="24" viewBox="0 0 24 24" className={className}>
      <use href={`#icon-${name}`} />
    </svg>
  );
}
