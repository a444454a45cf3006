import { ExternalLink } from 'lucide-react';
import { refusalAction, type GithubWeb, type Refusal } from '@/lib/github/refusals';

const linkClass = 'inline-flex items-center gap-1 font-medium underline underline-offset-2 hover:no-underline';

/**
 * What the user can do about a refusal: GitHub's single sign-on link (only on GitHub's web host;
 * anything else as text), the page where an organisation's approval of Hangar is asked for, or the
 * permission missing, in words and as GitHub spells it. Props only.
 */
export function RefusalMessage({ refusal, web }: { refusal: Refusal; web: GithubWeb }) {
  const action = refusalAction(refusal, web);
  switch (action.kind) {
    case 'link':
      return (
        <a href={action.href} target="_blank" rel="noopener noreferrer" className={linkClass}>
          {action.label}
          <ExternalLink aria-hidden className="size-3.5" />
        </a>
      );
    case 'text':
      return (
        <span>
          {action.label} <code className="break-all">{action.text}</code>
        </span>
      );
    case 'permissions':
      return (
        <span>
          {action.label}{' '}
          {action.permissions.map((set, i) => (
            <span key={i}>
              {i > 0 && ' or '}
              {set.map((p, j) => (
                <span key={p.spelled}>
                  {j > 0 && ' and '}
                  {p.words} (<code>{p.spelled}</code>)
                </span>
              ))}
            </span>
          ))}
        </span>
      );
    case 'none':
      return null;
  }
}
