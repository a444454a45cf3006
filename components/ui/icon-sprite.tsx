import {
  AlertTriangle,
  ArrowUp,
  Boxes,
  CheckCircle2,
  ChevronDown,
  CircleDot,
  CircleHelp,
  CircleStop,
  Download,
  FilePen,
  GitBranch,
  GitPullRequest,
  Hourglass,
  Info,
  Keyboard,
  Loader2,
  Menu,
  OctagonAlert,
  Play,
  Plus,
  Search,
  SearchX,
  Siren,
  Square,
  Trash2,
  X,
} from 'lucide-react';

/**
 * The icons `/` draws at its first paint, rendered once into every page's HTML by the root layout
 * (a server component: no script for them). Client components draw them with `<Icon name>`
 * (icon.tsx), a `<use>` of one of these: each lucide icon imported by a client component is
 * script in the first load (~38 of them were ~4.5 KB gzipped of `/`'s, issue 26), and the same
 * markup again in every row. Icons of what loads later (dialogs, menus) stay lucide components.
 */
const SPRITE = {
  'alert-triangle': AlertTriangle,
  'arrow-up': ArrowUp,
  boxes: Boxes,
  'check-circle': CheckCircle2,
  'chevron-down': ChevronDown,
  'circle-dot': CircleDot,
  'circle-help': CircleHelp,
  'circle-stop': CircleStop,
  download: Download,
  'file-pen': FilePen,
  'git-branch': GitBranch,
  'git-pull-request': GitPullRequest,
  hourglass: Hourglass,
  info: Info,
  keyboard: Keyboard,
  loader: Loader2,
  menu: Menu,
  'octagon-alert': OctagonAlert,
  play: Play,
  plus: Plus,
  search: Search,
  'search-x': SearchX,
  siren: Siren,
  square: Square,
  trash: Trash2,
  x: X,
} as const;

export type IconName = keyof typeof SPRITE;

/** Every sprite icon as an `<svg id="icon-…">` for `<use>`; out of sight and of the accessibility tree (not `display: none`, which some browsers do not draw through `<use>`). */
export function IconSprite() {
  return (
    <svg aria-hidden width="0" height="0" className="pointer-events-none absolute size-0 overflow-hidden">
      <defs>
        {Object.entries(SPRITE).map(([name, Glyph]) => (
          <Glyph key={name} id={`icon-${name}`} />
        ))}
      </defs>
    </svg>
  );
}
