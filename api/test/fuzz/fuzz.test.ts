// Schema-driven fuzzer (issue 11): every operation of the OpenAPI document the API serves, as each role,
// with a valid request and mutated ones (hostile values in body fields, query and path parameters, the
// Idempotency-Key header, and broken bodies). It asserts what an attacker would notice: no 5xx at all, and
// every 4xx a problem+json that names a field when it is a validation failure. A fixed seed sends the same
// requests every run; FUZZ_ROUNDS (mutations per operation and role, default 11) and FUZZ_SEED ask for more.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApi } from '../harness.ts'
import { type FuzzRequest, planRequests } from './plan.ts'
import { fuzzWorld } from './world.ts'

const ROUNDS = Number(process.env.FUZZ_ROUNDS ?? 11)
const SEED = Number(process.env.FUZZ_SEED ?? 20261201)

describe('fuzzer over the OpenAPI document', () => {
  let api: Awaited<ReturnType<typeof createTestApi>>
  let world: Awaited<ReturnType<typeof fuzzWorld>>
  beforeAll(async () => {
    const unlimited = '1000000'
    api = await createTestApi({
      RATE_LIMIT_USER_PER_MINUTE: unlimited,
      RATE_LIMIT_AUTH_IP_PER_MINUTE: unlimited,
      RATE_LIMIT_LOGIN_PER_MINUTE: unlimited,
      RATE_LIMIT_RESET_PER_MINUTE: unlimited,
    })
    world = await fuzzWorld(api)
  })
  afterAll(() => api.close())

  it('answers every request below 500, and every refusal as a problem naming its field', async () => {
    const doc = await (await api.request('root', '/openapi.json')).json()
    const requests = planRequests(doc, world, { rounds: ROUNDS, seed: SEED })
    const counts: Record<string, number> = { '2xx': 0, '3xx': 0, '4xx': 0, '5xx': 0 }
    const violations: string[] = []
    for (const r of requests) {
      const res = await send(r)
      const statusClass = `${Math.floor(res.status / 100)}xx`
      counts[statusClass] = (counts[statusClass] ?? 0) + 1
      const problem = await violation(res)
      if (problem)
        violations.push(`${r.actor} ${r.method} ${r.url} [${r.mutation}] → ${res.status} ${problem}`)
    }
    const summary = Object.entries(counts)
      .map(([k, n]) => `${k} ${n}`)
      .join(', ')
    process.stdout.write(`fuzz: ${requests.length} requests (seed ${SEED}, ${ROUNDS} rounds): ${summary}\n`)
    expect(violations.slice(0, 30)).toEqual([])
    expect(requests.length).toBeGreaterThan(2000)
  }, 300_000)

  function send(r: FuzzRequest) {
    const cookie = r.actor === 'ops' ? world.ops.cookie : world.ws[r.actor].cookie
    const host = r.actor === 'ops' ? 'root' : world.ws.slug
    return api.request(host, r.url, { method: r.method, headers: { ...r.headers, cookie }, body: r.body })
  }
})

/** What is wrong with an answer, or null. */
async function violation(res: Response): Promise<string | null> {
  if (res.status >= 500) return (await res.text()).slice(0, 200)
  if (res.status < 400) {
    await res.body?.cancel()
    return null
  }
  if (!res.headers.get('content-type')?.includes('application/problem+json')) return 'not problem+json'
  const body = (await res.json()) as { code?: string; errors?: { field?: unknown }[] }
  if (body.code !== 'validation_failed') return null
  const named = body.errors?.length && body.errors.every((e) => typeof e.field === 'string' && e.field)
  return named ? null : `validation failure naming no field: ${JSON.stringify(body).slice(0, 200)}`
}
