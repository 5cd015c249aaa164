// `npm start`: builds only when the sources changed since the last build, then runs the bundled server.
import { existsSync } from 'node:fs'
import { pathToFileURL } from 'node:url'
import { buildAll, SERVER_BUNDLE } from './build.mjs'
import { sourceHash, stampOfBuild } from './source-stamp.mjs'

// The production build wants production React; set before anything imports it.
process.env.NODE_ENV ??= 'production'

if (!existsSync(SERVER_BUNDLE) || stampOfBuild() !== sourceHash()) await buildAll()
await import(pathToFileURL(SERVER_BUNDLE).href)
