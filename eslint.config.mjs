import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';

import boundaries from 'eslint-plugin-boundaries';

/**
 * The architecture, enforced by pattern (CONTRIBUTING.md says why): a new file is covered by where
 * it lives and how it is named, never by editing a list here.
 *
 * Elements are folders (the closest one a file is in):
 * - `domain`     lib/<any>/domain/: pure rules and types; anyone may import a domain.
 * - `registry`   lib/operations/: the union of every slice's GitHub operations.
 * - `data`       lib/query/, lib/transport/: the browser's data layer.
 * - `shared-lib` lib/<shared>/ (notices, hooks, auth, github, server, db, …) and lib/'s own files.
 * - `feature`    lib/<feature>/: a slice's operations, API functions, queries, actions, hooks.
 * - `shared-ui`  components/<shared>/ (ui, layout, github, lists, shortcuts, status).
 * - `feature-ui` components/<feature>/.
 * - `app`        app/: routes, and the providers that wire features together.
 * Files have roles, by name:
 * - `server`     any `*.server.ts(x)`, and lib/config.ts: tokens, secrets, I/O, the environment.
 * - `container`  `*-page.tsx`, `use-*.ts(x)`, `*-dialog.tsx`, `*-trigger.tsx` (opens a dialog it loads
 *                when wanted): read and change data.
 * - `control`    `*-button.tsx`: a button; its page owns the action it asks for (Start/Stop).
 * - `view`       `*-view.tsx`; any other component is a `part`. All three render props.
 */
const SHARED_LIB = '{notices,hooks,auth,github,server,db,github-app,scheduling,test}';
const SHARED_UI = '{ui,layout,github,lists,shortcuts,status}';
const ELEMENTS = [
  { type: 'domain', pattern: 'lib/*/domain', capture: ['feature'] },
  { type: 'registry', pattern: 'lib/operations' },
  { type: 'data', pattern: 'lib/{query,transport}' },
  { type: 'shared-lib', pattern: `lib/${SHARED_LIB}` },
  { type: 'feature', pattern: 'lib/*', capture: ['feature'] },
  { type: 'shared-lib', pattern: 'lib' },
  { type: 'shared-ui', pattern: `components/${SHARED_UI}` },
  { type: 'feature-ui', pattern: 'components/*', capture: ['feature'] },
  { type: 'app', pattern: 'app' },
].map((descriptor) => ({ ...descriptor, partialMatch: false, stopMatching: true }));
const FILES = [
  { category: 'server', pattern: ['**/*.server.{ts,tsx}', 'lib/config.ts'] },
  {
    category: 'container',
    pattern: ['components/**/*-page.tsx', 'components/**/use-*.{ts,tsx}', 'components/**/*-dialog.tsx', 'components/**/*-trigger.tsx'],
  },
  { category: 'control', pattern: 'components/**/*-button.tsx' },
  { category: 'view', pattern: 'components/**/*-view.tsx' },
  { category: 'part', pattern: 'components/**' },
  // Every other file: so that "not server" is a category to match.
  { category: 'module', pattern: '{app,lib}/**' },
].map((descriptor) => ({ ...descriptor, stopMatching: true }));
const of = (...types) => ({ element: { types: { anyOf: types } } });
const role = (...categories) => ({ file: { categories: { anyOf: categories } } });
const LIB = ['domain', 'shared-lib', 'data', 'feature'];
const POLICIES = [
  { from: of('app'), allow: { to: of('app', 'registry', ...LIB, 'shared-ui', 'feature-ui') } },
  { from: of('registry'), allow: { to: of('registry', ...LIB) } },
  { from: of('domain'), allow: { to: of('domain', 'shared-lib') } },
  // Shared infrastructure knows no feature (but a feature's domain types, for its own rules).
  { from: of('shared-lib', 'data'), allow: { to: of('domain', 'shared-lib', 'data') } },
  // A slice builds on shared infrastructure and on what other slices expose: their domain,
  // operations, API functions, queries and actions; never their server part (see below).
  { from: of('feature'), allow: { to: of(...LIB) } },
  { from: of('shared-ui'), allow: { to: of(...LIB, 'shared-ui', 'feature-ui') } },
  // Containers read and change data, and render any feature's views, parts and controls.
  { from: { ...of('feature-ui'), ...role('container') }, allow: { to: of(...LIB, 'shared-ui', 'feature-ui') } },
  // Views, parts and controls render props: they reach no data layer, so none is reached through
  // them either, at any depth (a control is handed its action by its page); another feature's
  // views and containers are that feature's own.
  {
    from: { ...of('feature-ui'), ...role('view', 'part', 'control') },
    allow: {
      to: [
        of('domain', 'shared-lib', 'shared-ui'),
        { element: { type: 'data' }, file: { path: 'lib/transport/{errors,api-error}.ts' } },
        { ...of('feature-ui'), ...role('control') },
        { ...of('feature-ui'), ...role('part') },
        { element: { type: 'feature-ui', captured: { feature: '{{ from.element.captured.feature }}' } }, ...role('view') },
      ],
    },
  },
  // Server code is reached from the server only: the app's routes, other server code, the registry.
  {
    from: { file: { categories: { noneOf: ['server'] } }, element: { types: { noneOf: ['app', 'registry'] } } },
    disallow: { to: role('server') },
  },
  // Types are erased: naming a type crosses no boundary at run time.
  { allow: { dependency: { kind: 'type' } } },
];

/** Server-only modules (any `*.server.ts`, the configuration) never reach browser code (types excepted). */
const serverOnly = {
  group: ['@/lib/config', '**/*.server'],
  allowTypeImports: true,
  message: 'Server-only: it must never reach browser code.',
};
const io = {
  group: ['react', 'react-dom', 'next', 'next/*', '@tanstack/*', 'node:*', 'redis', 'ioredis', 'pg', '@octokit/rest', '@octokit/plugin-*'],
  allowTypeImports: true,
  message: 'Domain logic is pure: no React, Next, or I/O here.',
};
const dataLayer = {
  group: ['@tanstack/react-query'],
  allowTypeImports: true,
  message: 'A view or part only renders props: its page (the container) reads data and passes it in.',
};
/** zod is ~30 KB gzipped: the data layer every page loads reads GitHub's answers without it. */
const schemas = {
  group: ['zod', '@/lib/github/params', '**/domain/schemas', '**/domain/read-schemas'],
  allowTypeImports: true,
  message: 'zod stays off the first load: validate on the server, or import it from a lazily loaded form or dialog.',
};
/**
 * What `/`'s first paint does without, imported statically only by the modules that are
 * themselves loaded on demand (`FIRST_LOAD_LAZY`, with `import()`).
 */
const FIRST_LOAD_KEPT_OFF = [
  {
    group: ['@tanstack/react-virtual', '@tanstack/virtual-core', '**/use-window-rows'],
    message:
      'The virtualiser (~10 KB gzipped) is for long lists only: codespace-list.tsx renders a list that fits plainly and loads virtual-codespace-rows.tsx with import() when it does not.',
    allowTypeImports: true,
  },
  {
    group: ['**/attention/domain/personal', '**/attention/domain/rules'],
    message:
      "The attention rules are worked out on the server for the first paint and loaded after it (usePersonalAttention): a panel renders with panel.ts's helpers.",
    allowTypeImports: true,
  },
  {
    group: ['**/transport/errors', '**/github/refusals'],
    message:
      "An error's words (and GitHub's refusals) load when an error is shown: ErrorAlert and the failure notices import() them. Decide with api-error.ts (the class, its status, passesSoon).",
    allowTypeImports: true,
  },
  {
    group: ['**/codespaces/changes', '**/codespaces/act', '**/domain/machine-change', '**/machine-requests.client'],
    message:
      'Rename, machine, export, publish and create are asked for from a dialog or the new codespace page: their mutations (changes.ts) and the machine-change rules stay out of /. Start, stop and delete are actions.ts, whose rule (act.ts) loads with warmActions().',
    allowTypeImports: true,
  },
  {
    group: ['**/status/status-page', '**/status/error-pages', '**/ui/states'],
    message:
      'Status pages load when shown (error-pages-loader.ts), and states.tsx brings the error words with OrgError: `/` takes StillLoading from still-loading.tsx.',
  },
  {
    group: ['**/usage/domain/month-cost'],
    message:
      'The cost rules load after the first paint (use-month-costs.ts): what a figure is and how it is explained are in month-cost-basis.ts.',
    allowTypeImports: true,
  },
];
const FIRST_LOAD_LAZY = [
  // The words themselves, and what loads them when an error is shown.
  'lib/transport/errors.ts',
  'components/ui/{error-alert-body,states}.tsx',
  'components/github/{refusal-message,sso-partial-notice}.tsx',
  'components/status/error-pages.tsx',
  // Dialogs load when opened (next/dynamic), and what they change with.
  'components/codespaces/*-dialog.tsx',
  'lib/codespaces/{act,changes,machine-requests.client,use-machine-request}.ts',
  'components/codespaces/virtual-codespace-rows.tsx',
  'lib/hooks/use-window-rows.ts',
  // The rules themselves, and the panels' helpers re-exported from them for the organisation view.
  'lib/attention/domain/{personal,rules}.ts',
];
/** Client components `/` draws at its first paint: their icons come from the sprite (components/ui/icon-sprite.tsx). */
const FIRST_PAINT_ICONS = [
  'components/codespaces/{codespace-row,codespaces-page-view,power-button,row-cells,selection-bar,state-badge,work-flags,codespace-list,fleet-summary}.tsx',
  'components/attention/*.tsx',
  'components/lists/filters-bar.tsx',
  'components/ui/{alert,button,csv-download-button,search-field,field,empty-state,still-loading,icon}.tsx',
  'components/layout/{main-nav,account-button,org-menu-button,org-menu,user-menu,page,skip-link,focus-keeper}.tsx',
  'components/palette/palette-trigger.tsx',
];
const restrict = (...patterns) => ({ '@typescript-eslint/no-restricted-imports': ['error', { patterns }] });
const BROWSER_GLOBALS = ['window', 'document', 'localStorage', 'sessionStorage', 'navigator', 'fetch', 'location'].map((name) => ({
  name,
  message: 'Domain logic is pure: the browser is reached from a *.client.ts module or a component.',
}));
const noEnv = {
  selector: "MemberExpression[object.name='process'][property.name='env']",
  message: 'The environment is read in lib/config.ts alone.',
};
const TESTS = ['**/*.test.ts', '**/*.test.tsx', 'lib/test/**'];

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [
      '.next/**',
      'node_modules/**',
      'next-env.d.ts',
      'test-results/**',
      'playwright-report/**',
      'bench/results.json',
      // The benchmark's bare Next.js app: its build output and generated types.
      'bench/baseline/.next/**',
      'bench/baseline/next-env.d.ts',
    ],
  },
  {
    // Avatars come from whichever GitHub (or emulator) host is configured at start, so
    // next/image, which needs hosts fixed at build time, cannot serve them.
    rules: { '@next/next/no-img-element': 'off' },
  },
  {
    files: ['emulator/**'],
    rules: {
      'import/no-restricted-paths': [
        'error',
        {
          zones: ['app', 'components', 'lib', 'proxy.ts'].map((from) => ({
            target: './emulator',
            from: `./${from}`,
            message: 'The emulator imports nothing from the app.',
          })),
        },
      ],
      ...restrict({ group: ['@/*'], message: 'The emulator imports nothing from the app.' }),
    },
  },
  {
    files: ['app/**', 'components/**', 'lib/**'],
    ignores: TESTS,
    plugins: { boundaries },
    settings: {
      'boundaries/elements': ELEMENTS,
      'boundaries/files': FILES,
      'boundaries/dependency-nodes': ['import', 'export', 'dynamic-import'],
    },
    rules: {
      'boundaries/dependencies': ['error', { default: 'disallow', checkInternals: true, policies: POLICIES }],
      'boundaries/no-unknown-files': 'error',
    },
  },
  {
    files: ['lib/**/domain/**'],
    ignores: TESTS,
    rules: { ...restrict(io, serverOnly), 'no-restricted-globals': ['error', ...BROWSER_GLOBALS] },
  },
  {
    // instrumentation.ts is the exception Next.js documents: it asks NEXT_RUNTIME before any import, so
    // that lib/config.ts (Node's crypto) is never loaded on the edge.
    files: ['app/**', 'components/**', 'lib/**', 'proxy.ts'],
    ignores: [...TESTS, 'lib/config.ts'],
    rules: { 'no-restricted-syntax': ['error', noEnv] },
  },
  {
    files: ['components/**', 'lib/{query,transport,notices,hooks}/**', 'lib/*/*.client.ts'],
    ignores: TESTS,
    rules: restrict(serverOnly),
  },
  {
    files: ['components/**'],
    ignores: [
      ...TESTS,
      '**/*-page.tsx',
      '**/use-*.ts',
      '**/use-*.tsx',
      '**/*-dialog.tsx',
      '**/*-trigger.tsx',
      'components/{layout,github}/**',
    ],
    rules: restrict(serverOnly, dataLayer),
  },
  {
    files: ['lib/{query,transport,notices,hooks}/**', 'lib/*/{api,queries,actions,transitions,watch}.ts', 'lib/*/use-*.ts'],
    ignores: TESTS,
    rules: restrict(serverOnly, schemas),
  },
  {
    // The list's cost this month is worked out on every first paint of `/`: GitHub's usage report
    // is read with zod, and written as CSV (papaparse), on the usage pages only.
    files: ['lib/usage/domain/{month-cost,month-cost-basis,usage-items,cost,prices}.ts'],
    ignores: TESTS,
    rules: {
      ...restrict(io, serverOnly, schemas, {
        group: ['**/usage-report', '@/lib/csv'],
        allowTypeImports: true,
        message: 'The usage report brings zod and the CSV writer to the first load: take what you need from usage-items.ts.',
      }),
      'no-restricted-globals': ['error', ...BROWSER_GLOBALS],
    },
  },
  {
    // What `/` loads before its first paint stays small (issue 26: its first-load JS over a bare Next.js
    // app). The core rule, not the TypeScript one above, so that both apply: each config's options
    // for one rule replace another's.
    files: [
      'app/{providers,error,global-error}.tsx',
      `components/{codespaces,attention,${SHARED_UI.slice(1, -1)}}/**`,
      'lib/{codespaces,attention,query,transport,hooks,usage}/**',
    ],
    ignores: [...TESTS, ...FIRST_LOAD_LAZY, '**/*.server.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: FIRST_LOAD_KEPT_OFF }] },
  },
  {
    // What `/` draws at its first paint takes its icons from the layout's sprite: a lucide icon in
    // a client component is script in the first load (and its markup again in every row).
    files: FIRST_PAINT_ICONS,
    ignores: TESTS,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...FIRST_LOAD_KEPT_OFF,
            {
              group: ['lucide-react'],
              message:
                "Draw it with <Icon name> (components/ui/icon.tsx), adding the icon to icon-sprite.tsx: `/`'s first load carries no icon script.",
              allowTypeImports: true,
            },
          ],
        },
      ],
    },
  },
];

export default config;
