// Attack cases derived from the OpenAPI document, so a new endpoint is attacked the day it is added:
// every path id, every id-like query parameter and every id-like body property, filled with the other
// workspace's ids. Bodies are valid otherwise, so a refusal comes from the lookup, not from validation.
import type { Records } from './world.ts'

type Schema = { $ref?: string; properties?: Record<string, unknown> }
type Operation = {
  parameters?: { name: string; in: string }[]
  requestBody?: { content?: Record<string, { schema?: Schema }> }
}
export type OpenApiDoc = {
  paths: Record<string, Record<string, Operation>>
  components?: { schemas?: Record<string, Schema> }
}

export interface Attack {
  label: string
  method: string
  path: string
  body?: unknown
}

/** Operations the attackers cannot reach at all (root-domain platform console) are attacked elsewhere. */
const isPlatform = (path: string) => path.startsWith('/platform')
const ID_NAME = /(^|[a-z])Ids?$|^actor$|^moveTo$/

/** The victim's id for a parameter or property name. */
export function victimId(name: string, v: Records, resource?: string): string | string[] {
  const byName: Record<string, string | string[]> = {
    processId: v.process2.id,
    stageId: v.stage.id,
    moveTo: v.stage2.id,
    contactId: v.contact.id,
    organizationId: v.org.id,
    parentId: v.org.id,
    assignedUserId: v.rep.id,
    participantUserId: v.rep.id,
    assigneeUserId: v.rep.id,
    ownerId: v.rep.id,
    actor: v.rep.id,
    dealId: v.deal.id,
    entityId: v.deal.id,
    productId: v.product.id,
    lineId: v.line.id,
    stageIds: [v.stage.id, v.stage2.id],
    reasonId: v.lostReason.id,
    lostReasonId: v.lostReason.id,
  }
  if (name !== 'id') return byName[name] ?? missing(name)
  const byResource: Record<string, string> = {
    organizations: v.org.id,
    contacts: v.contact.id,
    deals: v.deal.id,
    activities: v.activity.id,
    processes: v.process.id,
    products: v.product.id,
    users: v.rep.id,
    invitations: v.invitation.id,
    tokens: v.token.id,
    'custom-fields': v.customField.id,
    'saved-views': v.savedView.id,
    tasks: v.task.id,
    imports: v.upload.id,
    duplicates: v.merge.id,
  }
  return byResource[resource ?? ''] ?? missing(`${resource}/{id}`)
}

function missing(what: string): never {
  throw new Error(`cross-tenant suite: no victim id for "${what}" — add it to victimId()`)
}

/** A valid body for each operation that takes one, given the ids it should carry for its own path. */
export const VALID_BODIES: Record<string, (r: Records) => Record<string, unknown>> = {
  'PATCH /users/{id}': () => ({ department: 'Attack' }),
  'PATCH /processes/{id}': () => ({ name: 'Renamed by attacker' }),
  'POST /processes/{id}/stages': () => ({ name: 'Injected', kind: 'open', winProbability: 5 }),
  'POST /processes/{id}/stages/reorder': (r) => ({ stageIds: [r.stage2.id, r.stage.id] }),
  'PATCH /processes/{id}/stages/{stageId}': () => ({ name: 'Renamed by attacker' }),
  'POST /processes/{id}/lost-reasons': () => ({ label: 'Injected reason' }),
  'PATCH /saved-views/{id}': () => ({ name: 'Renamed by attacker' }),
  'POST /deals': () => ({ name: 'Attack deal' }),
  'POST /tasks': (r) => ({
    type: 'call',
    subject: 'Attack',
    dueAt: '2030-01-01T09:00:00Z',
    dealId: r.deal.id,
  }),
  'PATCH /tasks/{id}': () => ({ subject: 'Changed by attacker' }),
  'PATCH /imports/{id}': () => ({ dedupeMode: 'update' }),
  'PATCH /deals/{id}': () => ({ notes: 'changed by attacker' }),
  'POST /deals/{id}/stage': (r) => ({ stageId: r.stage2.id }),
  'POST /organizations': () => ({ name: 'Attack org' }),
  'PATCH /organizations/{id}': () => ({ name: 'Renamed by attacker' }),
  'POST /contacts': () => ({ firstName: 'Attack' }),
  'PATCH /contacts/{id}': () => ({ title: 'Changed by attacker' }),
  'POST /contacts/{id}/activities': () => ({ type: 'note', description: 'attacker note' }),
  // The victim's real name: were the id to reach their contact, the erasure would go through.
  'POST /contacts/{id}/erase': (r) => ({ confirm: r.contact.fullName }),
  'PATCH /products/{id}': () => ({ name: 'Renamed by attacker' }),
  'PUT /products/{id}/pricing': () => ({ defaultPrice: '0.01' }),
  'POST /deals/{id}/line-items': (r) => ({ productId: r.product.id, quantity: 1 }),
  'PATCH /deals/{id}/line-items/{lineId}': () => ({ quantity: 99 }),
}

function bodyProperties(op: Operation, doc: OpenApiDoc): string[] {
  let schema = op.requestBody?.content?.['application/json']?.schema
  if (schema?.$ref) schema = doc.components?.schemas?.[schema.$ref.split('/').at(-1) ?? '']
  return Object.keys(schema?.properties ?? {})
}

const operations = (doc: OpenApiDoc) =>
  Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({
      path,
      method: method.toUpperCase(),
      op,
      key: `${method.toUpperCase()} ${path}`,
    })),
  )

function fill(path: string, ids: (param: string) => string): string {
  return path.replace(/\{(\w+)\}/g, (_m, param: string) => ids(param))
}

/** Every operation with ids in its path, aimed at the victim's records. */
export function pathAttacks(doc: OpenApiDoc, victim: Records): Attack[] {
  return operations(doc)
    .filter(({ path }) => path.includes('{') && !isPlatform(path))
    .map(({ path, method, op, key }) => {
      const resource = path.split('/')[1]
      const needsBody = bodyProperties(op, doc).length > 0
      const body = VALID_BODIES[key]
      if (needsBody && !body) throw new Error(`cross-tenant suite: add a valid body for ${key}`)
      const filled = fill(path, (p) => String(victimId(p, victim, resource)))
      const query = key === 'DELETE /processes/{id}/stages/{stageId}' ? `?moveTo=${victim.stage2.id}` : ''
      return { label: key, method, path: filled + query, ...(body ? { body: body(victim) } : {}) }
    })
}

/** Every id-like query parameter of every list, set to the victim's id. */
export function queryAttacks(doc: OpenApiDoc, victim: Records): Attack[] {
  return operations(doc)
    .filter(({ path, method }) => method === 'GET' && !path.includes('{') && !isPlatform(path))
    .flatMap(({ path, op, key }) =>
      (op.parameters ?? [])
        .filter((p) => p.in === 'query' && ID_NAME.test(p.name))
        .map((p) => ({
          label: `${key}?${p.name}`,
          method: 'GET',
          path: `${path}?${p.name}=${victimId(p.name, victim)}`,
        })),
    )
}

/** Every id-like body property, set to the victim's id, on the attacker's own records. */
export function bodyAttacks(doc: OpenApiDoc, victim: Records, own: Records): Attack[] {
  return operations(doc)
    .filter(({ path }) => !isPlatform(path))
    .flatMap(({ path, method, op, key }) => {
      const idProps = bodyProperties(op, doc).filter((p) => ID_NAME.test(p))
      if (idProps.length === 0) return []
      const base = VALID_BODIES[key]
      if (!base) throw new Error(`cross-tenant suite: add a valid body for ${key}`)
      const resource = path.split('/')[1]
      const target = fill(path, (p) => String(victimId(p, own, resource)))
      return idProps.map((prop) => ({
        label: `${key} body.${prop}`,
        method,
        path: target,
        body: { ...base(own), [prop]: victimId(prop, victim) },
      }))
    })
}
