// The requests the fuzzer sends, planned from the OpenAPI document before any is sent: per operation and
// actor, one valid request and `rounds` mutated ones, each mutation one hostile value in one slot.
import { HOSTILE, type IdPool, type JsonSchema, pick, type Rng, sample, seeded } from './values.ts'

export type Actor = 'admin' | 'manager' | 'rep' | 'ops'

export interface FuzzRequest {
  actor: Actor
  method: string
  url: string
  headers: Record<string, string>
  body?: BodyInit
  /** What was changed, for the failure message: `valid` or `<slot>=<class>`. */
  mutation: string
}

interface Parameter {
  name: string
  in: 'path' | 'query' | 'header'
  required?: boolean
  schema: JsonSchema
}
interface Operation {
  method: string
  path: string
  parameters: Parameter[]
  body?: JsonSchema
}
interface World {
  ids: IdPool
  pathId: (resource: string, param: string) => string
  foreign: string[]
}
interface Doc {
  paths: Record<
    string,
    Record<
      string,
      { parameters?: Parameter[]; requestBody?: { content: Record<string, { schema: JsonSchema }> } }
    >
  >
  components: { schemas: Record<string, JsonSchema> }
}

/** Ends the fuzzer's own session: everything after it would be a 401. */
const SKIPPED = new Set(['POST /auth/logout'])

const RAW_BODIES: Record<string, () => BodyInit> = {
  'invalid-utf8': () => new Uint8Array([0x7b, 0x22, 0x6e, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]).buffer,
  malformed: () => '{"name":',
  array: () => '[]',
  null: () => 'null',
  string: () => '"text"',
  oversize: () => JSON.stringify({ name: 'x'.repeat(1_100_000) }),
}

export function planRequests(doc: Doc, world: World, o: { rounds: number; seed: number }): FuzzRequest[] {
  const rng = seeded(o.seed)
  const resolve = (ref: string) => doc.components.schemas[ref.split('/').pop() ?? ''] ?? {}
  const operations: Operation[] = Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({
      method: method.toUpperCase(),
      path,
      parameters: op.parameters ?? [],
      body: op.requestBody?.content['application/json']?.schema,
    })),
  )
  // Deletions last, so the records the other operations reach still exist when they run.
  const ordered = operations
    .filter((op) => !SKIPPED.has(`${op.method} ${op.path}`))
    .sort((a, b) => Number(isDeletion(a)) - Number(isDeletion(b)))
  const out: FuzzRequest[] = []
  for (const op of ordered) {
    const actors: Actor[] = op.path.startsWith('/platform/')
      ? ['admin', 'manager', 'rep', 'ops']
      : ['admin', 'manager', 'rep']
    for (const actor of actors) {
      out.push(build(op, actor, rng, world, resolve, null))
      for (let i = 0; i < o.rounds; i++)
        out.push(build(op, actor, rng, world, resolve, slotOf(op, rng, resolve)))
    }
  }
  return out
}

const isDeletion = (op: Operation) => op.method === 'DELETE' || /\/(delete|deactivate|suspend)$/.test(op.path)

type Slot = { kind: 'path' | 'query' | 'header' | 'field'; name: string } | { kind: 'body' }

function slotOf(op: Operation, rng: Rng, resolve: (r: string) => JsonSchema): Slot {
  const fields = op.body ? Object.keys(deref(op.body, resolve).properties ?? {}) : []
  const slots: Slot[] = [
    ...op.parameters.map((p) => ({ kind: p.in, name: p.name })),
    ...fields.map((name) => ({ kind: 'field' as const, name })),
    ...(op.body ? [{ kind: 'body' as const }] : []),
  ]
  // Operations that take nothing still get hostile query parameters they do not declare.
  return slots.length > 0 ? pick(rng, slots) : { kind: 'query', name: pick(rng, ['q', 'cursor', 'id']) }
}

const deref = (s: JsonSchema, resolve: (r: string) => JsonSchema) => (s.$ref ? resolve(s.$ref) : s)

function build(
  op: Operation,
  actor: Actor,
  rng: Rng,
  world: World,
  resolve: (r: string) => JsonSchema,
  slot: Slot | null,
): FuzzRequest {
  const hostileClass = pick(rng, [...Object.keys(HOSTILE), 'foreign'])
  const hostile = () =>
    hostileClass === 'foreign' ? pick(rng, world.foreign) : pick(rng, HOSTILE[hostileClass] ?? [])
  const is = (kind: string, name: string) =>
    slot !== null && slot.kind === kind && 'name' in slot && slot.name === name

  const segments = op.path.split('/')
  const url = segments
    .map((seg, i) => {
      const param = /^\{(\w+)\}$/.exec(seg)?.[1]
      if (!param) return seg
      return enc(is('path', param) ? text(hostile()) : world.pathId(segments[i - 1] ?? '', param))
    })
    .join('/')
  const query: string[] = []
  for (const p of op.parameters.filter((p) => p.in === 'query')) {
    if (is('query', p.name)) query.push(`${p.name}=${enc(text(hostile()))}`)
    else if (p.required || (p.name !== 'cursor' && rng() < 0.4))
      query.push(`${p.name}=${enc(text(sample(p.schema, rng, world.ids, p.name, resolve)))}`)
  }
  if (slot?.kind === 'query' && !op.parameters.some((p) => p.name === slot.name))
    query.push(`${slot.name}=${enc(text(hostile()))}`)

  const headers: Record<string, string> = {}
  if (slot?.kind === 'header') headers[slot.name] = pick(rng, ['bell\u0007', 'x'.repeat(5000), '', 'é', ' '])
  let body: BodyInit | undefined
  let mutation = slot ? `${slot.kind}${'name' in slot ? `:${slot.name}` : ''}=${hostileClass}` : 'valid'
  if (op.body) {
    headers['content-type'] = 'application/json'
    const value = sample(op.body, rng, world.ids, '(body)', resolve) as Record<string, unknown>
    if (slot?.kind === 'field') value[slot.name] = hostile()
    if (slot?.kind === 'body') {
      const raw = pick(rng, Object.keys(RAW_BODIES))
      mutation = `body=${raw}`
      body = RAW_BODIES[raw]?.()
    } else body = JSON.stringify(value)
  }
  return {
    actor,
    method: op.method,
    url: query.length ? `${url}?${query.join('&')}` : url,
    headers,
    body,
    mutation,
  }
}

const text = (v: unknown) =>
  typeof v === 'string' ? v : typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v)

/** Percent-encoded; a lone surrogate cannot be, so it travels as the bytes an attacker would send. */
function enc(v: string) {
  try {
    return encodeURIComponent(v)
  } catch {
    return '%ED%A0%80'
  }
}
