import Link from 'next/link';
import { BarChart3, Boxes, ScrollText, Settings, ShieldCheck } from 'lucide-react';
import { buttonClass } from '@/components/ui/button';

const LINKS = [
  { path: '', label: 'Codespaces', icon: Boxes },
  { path: '/usage', label: 'Usage and cost', icon: BarChart3 },
  { path: '/policies', label: 'Policies', icon: ShieldCheck },
  { path: '/audit', label: 'Audit log', icon: ScrollText },
  { path: '/settings', label: 'Settings', icon: Settings },
] as const;

/** The organisation pages' links to each other, as buttons; the page itself is left out. */
export function OrgLinks({ org, current }: { org: string; current: (typeof LINKS)[number]['path'] }) {
  return (
    <nav aria-label={`${org} pages`} className="flex flex-wrap gap-2">
      {LINKS.filter((link) => link.path !== current).map(({ path, label, icon: Icon }) => (
        <Link key={path} href={`/orgs/${encodeURIComponent(org)}${path}`} className={buttonClass()}>
          <Icon aria-hidden className="size-4" /> {label}
        </Link>
      ))}
    </nav>
  );
}
