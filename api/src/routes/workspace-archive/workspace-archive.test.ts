// The archive endpoints' guards and refusals: who may download and restore, what a bad archive gets back
// (each problem named), and that a refused restore leaves the workspace exactly as it was.
import { schema, withPlatform, withTenant } from '@aura/db'
import { createContact, createDeal, createLineItem, createOrganization } from '@aura/db/seed/index'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Archive, downloadArchive, type Workspace } from '../../../test/archive-fixtures.ts'
import { present } from '../../../test/fixtures.ts'
import { createTestApi, jsonBody } from '../../../test/harness.ts'
import { createWorkspace, elevate } from '../../../test/workspace.ts'
import { RESTORE_MAX_BYTES } from '../../services/workspace-archive/archive-format.ts'

type Row = Record<string, unknown> & { id: string }

describe('workspace archive endpoints', () => {
  let api: Awaited<ReturnType<typeof createTestApi>>
  let source: Workspace
  let target: Workspace
  let archive: Archive

  /** The archive with its people's emails made free (the source workspace still holds the originals). */
  const withFreeEmails = (prefix: string): Archive => {
    const copy = structuredClone(archive)
    for (const u of copy.tables.users) u.email = `${prefix}-${u.email}`
    return copy
  }
  const restore = (ws: Workspace, body: unknown, who = ws.admin) =>
    ws.as(who, '/workspace/archive/restore', jsonBody(body))
  const problem = async (res: Response) => ({ status: res.status, ...(await res.json()) })
  const asAdmin = <T>(ws: Workspace, fn: Parameters<typeof withTenant<T>>[2]) =>
    withTenant(api.db, { tenantId: ws.tenant.id, userId: ws.admin.id, role: 'admin' }, fn)

  beforeAll(async () => {
    api = await createTestApi()
    source = await createWorkspace(api)
    const tenantId = source.tenant.id
    const parent = await createOrganization(api.db, { tenantId, name: 'Parent' })
    const org = await createOrganization(api.db, { tenantId, name: 'Child', parentId: parent.id })
    const contact = await createContact(api.db, {
      tenantId,
      organizationId: org.id,
      assignedUserId: source.admin.id,
    })
    const deal = await createDeal(api.db, {
      tenantId,
      contactId: contact.id,
      assignedUserId: source.admin.id,
    })
    const productId = source.defaults.products[0]?.product.id as string
    await createLineItem(api.db, { tenantId, dealId: deal.id, productId, quantity: 3 })
    archive = await downloadArchive(api, source)
    target = await createWorkspace(api)
  }, 300_000)
  afterAll(() => api.close())

  it('downloads only for admins after step-up', async () => {
    expect((await target.as(target.manager, '/workspace/archive')).status).toBe(403)
    expect((await target.as(target.rep, '/workspace/archive')).status).toBe(403)
    const res = await target.as(target.admin, '/workspace/archive')
    expect(await problem(res)).toMatchObject({ status: 403, code: 'step_up_required' })
  })

  it('downloads as an uncached attachment, and audits it', async () => {
    await elevate(api, source.admin)
    const res = await source.as(source.admin, '/workspace/archive')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-disposition')).toMatch(
      new RegExp(`^attachment; filename="aura-${source.slug}-archive-\\d{4}-\\d{2}-\\d{2}\\.json"$`),
    )
    expect(res.headers.get('cache-control')).toBe('no-store')
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    const body = await res.json()
    expect(body).toMatchObject({ format: 'aura-workspace-archive', version: 1 })
    expect(body.workspace.slug).toBe(source.slug)
    const audited = await asAdmin(source, (tx) => tx.select().from(schema.auditLog))
    expect(audited.filter((a) => a.action === 'workspace.archived').length).toBeGreaterThanOrEqual(2)
  })

  it('restores only for admins after step-up', async () => {
    const body = withFreeEmails('guard')
    expect((await restore(target, body, target.manager)).status).toBe(403)
    expect((await restore(target, body, target.rep)).status).toBe(403)
    expect(await problem(await restore(target, body))).toMatchObject({
      status: 403,
      code: 'step_up_required',
    })
    await elevate(api, target.admin)
  })

  it('refuses what is not an archive, naming the problem', async () => {
    const notJson = await target.as(target.admin, '/workspace/archive/restore', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"format": "aura-workspace-archive", ',
    })
    expect(await problem(notJson)).toMatchObject({ status: 400, code: 'validation_failed' })
    const other = await problem(await restore(target, { hello: 'world' }))
    expect(other).toMatchObject({ status: 400, code: 'validation_failed' })
    expect(other.errors.map((e: { field: string }) => e.field)).toContain('format')
  })

  it('refuses an archive of another version with 422', async () => {
    const res = await problem(await restore(target, { ...withFreeEmails('v2'), version: 2 }))
    expect(res).toMatchObject({ status: 422, code: 'unprocessable' })
    expect(res.errors).toEqual([{ field: 'version', message: 'Version 2 is not supported' }])
  })

  it('names each bad value and each dangling reference', async () => {
    const bad = withFreeEmails('bad')
    present(bad.tables.deals[0]).amount = 12.5
    present(bad.tables.organizations[0]).createdAt = 'yesterday'
    present(bad.tables.contacts[0]).shoeSize = 42
    const values = await problem(await restore(target, bad))
    expect(values).toMatchObject({ status: 400, code: 'validation_failed' })
    expect(values.errors).toEqual(
      expect.arrayContaining([
        { field: 'tables.deals[0].amount', message: 'Must be a decimal string such as "12.50"' },
        { field: 'tables.organizations[0].createdAt', message: 'Must be an ISO 8601 timestamp' },
        { field: 'tables.contacts[0].shoeSize', message: 'Not a column of this table' },
      ]),
    )
    const dangling = withFreeEmails('dangling')
    present(dangling.tables.deal_line_items[0]).dealId = crypto.randomUUID()
    const refs = await problem(await restore(target, dangling))
    expect(refs.errors).toEqual([
      {
        field: 'tables.deal_line_items[0].dealId',
        message: 'Refers to a row of deals that is not in the archive',
      },
    ])
  })

  it('refuses an upload over the size limit with 413', async () => {
    const padding = 'x'.repeat(RESTORE_MAX_BYTES + 1)
    const res = await target.as(target.admin, '/workspace/archive/restore', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: `{"format":"aura-workspace-archive","padding":"${padding}"}`,
    })
    expect(await problem(res)).toMatchObject({ status: 413, code: 'payload_too_large' })
  })

  it('refuses people whose email has an account elsewhere with 409, naming them', async () => {
    const res = await problem(await restore(target, archive))
    expect(res).toMatchObject({ status: 409, code: 'conflict' })
    expect(res.errors.map((e: { message: string }) => e.message)).toContain(
      `${source.admin.email} already has an account elsewhere`,
    )
  })

  it('writes nothing when a late check fails (deal totals that disagree with their lines)', async () => {
    const state = () =>
      asAdmin(target, async (tx) => ({
        processes: (await tx.select({ id: schema.salesProcesses.id }).from(schema.salesProcesses)).map(
          (p) => p.id,
        ),
        users: (await tx.select({ id: schema.users.id }).from(schema.users)).length,
        organizations: (await tx.select().from(schema.organizations)).length,
        workspace: (await tx.select().from(schema.tenants))[0]?.companyName,
      }))
    const before = await state()
    const tampered = withFreeEmails('tampered')
    const deal = present(tampered.tables.deals.find((d: Row) => d.lineItemsTotal !== '0.00'))
    deal.lineItemsTotal = '1.00'
    deal.amount = '1.00'
    const res = await problem(await restore(target, tampered))
    expect(res).toMatchObject({ status: 400, code: 'validation_failed' })
    expect(res.errors[0].field).toBe(`tables.deals[${tampered.tables.deals.indexOf(deal)}]`)
    expect(await state()).toEqual(before)
    const audit = await asAdmin(target, (tx) => tx.select().from(schema.auditLog))
    expect(audit.some((a) => a.action === 'workspace.restore_refused')).toBe(true)
    expect(audit.some((a) => a.action === 'workspace.restored')).toBe(false)
  })

  it('restores into an empty workspace; an archived person with a member’s email is that member', async () => {
    const body = withFreeEmails('ok')
    const archivedAdmin = present(body.tables.users.find((u: Row) => u.role === 'admin'))
    archivedAdmin.email = target.admin.email
    const res = await restore(target, body)
    expect(res.status).toBe(200)
    const result = await res.json()
    expect(result.matchedUsers).toBe(1)
    expect(result.restored).toMatchObject({ users: body.tables.users.length - 1, deals: 1, organizations: 2 })
    const deals = await asAdmin(target, (tx) => tx.select().from(schema.deals))
    expect(deals.map((d) => [d.assignedUserId, d.lineItemsTotal])).toEqual([
      [target.admin.id, body.tables.deals[0]?.lineItemsTotal],
    ])
    const processes = await asAdmin(target, (tx) => tx.select().from(schema.salesProcesses))
    expect(processes.map((p) => p.name)).toEqual(body.tables.sales_processes.map((p: Row) => p.name))
    const platform = await withPlatform(api.db, 'platform-console', (tx) =>
      tx
        .select()
        .from(schema.platformAuditLog)
        .where(eq(schema.platformAuditLog.targetTenantId, target.tenant.id)),
    )
    expect(platform.map((p) => [p.action, p.actorUserId, p.details.kind])).toEqual([
      ['workspace.restored', target.admin.id, 'upload'],
    ])
  })

  it('refuses a second restore into the now non-empty workspace with 409', async () => {
    const res = await problem(await restore(target, withFreeEmails('again')))
    expect(res).toMatchObject({ status: 409, code: 'conflict' })
    expect(res.errors.map((e: { field: string }) => e.field)).toEqual(
      expect.arrayContaining(['tables.organizations', 'tables.contacts', 'tables.deals']),
    )
  })
})
