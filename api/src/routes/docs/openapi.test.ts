import SwaggerParser from '@apidevtools/swagger-parser'
import { describe, expect } from 'vitest'
import { it } from '../../../test/fixtures.ts'

describe('the OpenAPI document', () => {
  it('is served at /api/v1/openapi.json and validates as OpenAPI 3.1', async ({ api }) => {
    const res = await api.request('root', '/openapi.json')
    expect(res.status).toBe(200)
    const doc = await res.json()
    expect(doc.openapi).toBe('3.1.0')
    await expect(SwaggerParser.validate(structuredClone(doc))).resolves.toBeTruthy()
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/auth/login', '/health', '/me']))
  })

  it('documents a validation schema from the same zod that validates requests', async ({ api }) => {
    const doc = await (await api.request('root', '/openapi.json')).json()
    const body = doc.paths['/auth/signup'].post.requestBody.content['application/json'].schema
    expect(body.properties.password.minLength).toBe(12)
  })

  it('sends /api/docs to the reference page, which the web app serves (ADR 0162)', async ({ api }) => {
    const res = await api.app.request('http://aura.test/api/docs')
    expect(res.status).toBe(302)
    expect(res.headers.get('location')).toBe('/api-reference')
    // The API's own CSP: the redirect loads and runs nothing.
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'")
  })
})
