// The layer rule (ADR 0103): api routes → services → lib → @aura/db, and nothing back; no cycles anywhere.
// Run by `npm run lint:layers` (in .ci/run). Test files are exempt from the direction rules: a test may reach
// into any layer it proves, but never into a cycle.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      severity: 'error',
      comment: 'A cycle (type-only included) makes two modules one; split the shared piece out.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'services-not-up',
      severity: 'error',
      comment: 'Services own their inputs; they never import routes or middleware.',
      from: { path: '^api/src/services/', pathNot: '\\.test\\.ts$' },
      to: { path: '^api/src/(routes|middleware|app\\.ts)' },
    },
    {
      name: 'lib-is-the-bottom',
      severity: 'error',
      comment: 'api/src/lib is used by every layer and uses none of them.',
      from: { path: '^api/src/lib/', pathNot: '\\.test\\.ts$' },
      to: { path: '^api/src/(routes|middleware|services|app\\.ts)' },
    },
    {
      name: 'middleware-not-routes',
      severity: 'error',
      comment: 'Middleware wraps routes; it never imports them.',
      from: { path: '^api/src/middleware/', pathNot: '\\.test\\.ts$' },
      to: { path: '^api/src/routes/' },
    },
    {
      name: 'routes-not-other-routes',
      severity: 'error',
      comment:
        'A route module uses its own schemas and the layers below, never another domain’s route files.',
      from: { path: '^api/src/routes/([^/]+)/', pathNot: '\\.test\\.ts$' },
      to: { path: '^api/src/routes/', pathNot: '^api/src/routes/$1/' },
    },
    {
      name: 'db-stands-alone',
      severity: 'error',
      comment: 'The database package knows nothing of the API, the web app or the tests.',
      from: { path: '^db/', pathNot: '(\\.test\\.ts$|^db/test/)' },
      to: { path: '^(api|web|e2e)/' },
    },
    {
      name: 'api-not-web',
      severity: 'error',
      from: { path: '^api/' },
      to: { path: '^(web|e2e)/' },
    },
    {
      name: 'web-app-not-server-internals',
      severity: 'error',
      comment:
        'The Remix app reaches the API over its client (web/app/lib/api.server.ts) and its published input schemas (api/src/inputs.ts); of its modules it shares only the bottom layer, api/src/lib (logger, host parsing).',
      from: { path: '^web/app/' },
      to: { path: '^api/src/(services|routes|middleware)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(node_modules|/build/|\\.wrangler|\\.data|\\.cache)' },
    tsPreCompilationDeps: true,
    // web/tsconfig.json carries the only path alias (~/ → web/app/).
    tsConfig: { fileName: 'web/tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
    },
  },
}
