import { fileURLToPath } from 'node:url'
import { vitePlugin as remix } from '@remix-run/dev'
import tailwindcss from '@tailwindcss/vite'
import { defineConfig } from 'vite'
import tsconfigPaths from 'vite-tsconfig-paths'

// The `~/*` alias lives in web/tsconfig.json.
const webTsconfig = fileURLToPath(new URL('./tsconfig.json', import.meta.url))

export default defineConfig({
  // Absolute so the same config works from `npm run build -w web` and from the dev server at the repo root.
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [
    tailwindcss(),
    remix({
      future: {
        v3_fetcherPersist: true,
        v3_relativeSplatPath: true,
        v3_throwAbortReason: true,
        v3_singleFetch: true,
        v3_lazyRouteDiscovery: true,
      },
    }),
    tsconfigPaths({ projects: [webTsconfig] }),
  ],
})
