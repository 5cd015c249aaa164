// The OpenAPI 3.1 document is generated from the same zod schemas that validate requests; nothing here
// is written by hand but the title and the security schemes.
import type { OpenAPIHono, OpenAPIObjectConfigure } from '@hono/zod-openapi'
import type { AppEnv } from '../../context.ts'

export const OPENAPI_INFO: Exclude<OpenAPIObjectConfigure<AppEnv, string>, (...args: never[]) => unknown> = {
  openapi: '3.1.0',
  info: {
    title: 'Aura CRM API',
    version: '1.0.0',
    description:
      'Each workspace is served at its own host (`https://<slug>.<root domain>/api/v1`); the root domain serves ' +
      'signup, login and the platform console. Authenticate with the session cookie or `Authorization: Bearer <token>`.',
  },
  servers: [{ url: '/api/v1' }],
  security: [{ bearerToken: [] as string[] }, { sessionCookie: [] as string[] }],
}

export function registerOpenApi(v1: OpenAPIHono<AppEnv>) {
  v1.openAPIRegistry.registerComponent('securitySchemes', 'bearerToken', {
    type: 'http',
    scheme: 'bearer',
    description: 'A personal API token (`aura_…`) created at POST /tokens; valid on its workspace host only.',
  })
  v1.openAPIRegistry.registerComponent('securitySchemes', 'sessionCookie', {
    type: 'apiKey',
    in: 'cookie',
    name: 'aura_session',
  })
  v1.doc31('/openapi.json', OPENAPI_INFO)
}
