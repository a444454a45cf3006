export function HangarMark({ className = 'size-7' }: { className?: string }) {
  return (
    <svg viewBox="0 0 32 32" className={className} aria-hidden>
      <rect width="32" height="32" rx="7" className="fill-sky-900 dark:fill-sky-800" />
      <path d="M6 24V13l10-6 10 6v11h-4v-8H10v8z" className="fill-sky-100" />
      <rect x="12" y="18" width="8" height="6" rx="1" className="fill-sky-400" />
    </svg>
  );
}
