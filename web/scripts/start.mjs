// `npm start`: builds only when the sources changed since the last build, then runs the bundled server.
import { pathToFileURL } from 'node:url'
import { buildIfStale, SERVER_BUNDLE } from './build.mjs'

// `npm start` is the local demo: its emails are read at /outbox (ADR 0149). Not when the operator says
// production; the server itself sets NODE_ENV for React (web/server/main.ts).
if (process.env.NODE_ENV !== 'production') process.env.LOCAL_OUTBOX ??= '1'

await buildIfStale()
await import(pathToFileURL(SERVER_BUNDLE).href)
