// `npm start`: builds only when the sources changed since the last build, then runs the bundled server.
import { pathToFileURL } from 'node:url'
import { buildIfStale, SERVER_BUNDLE } from './build.mjs'

// The production build wants production React; set before anything imports it.
process.env.NODE_ENV ??= 'production'

await buildIfStale()
await import(pathToFileURL(SERVER_BUNDLE).href)
