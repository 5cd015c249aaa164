// Shared setup for the deals, processes and pipeline tests: one API and helpers to call it as a member.
import { schema } from '@aura/db'
import { and, desc, eq } from 'drizzle-orm'
import type { createTestApi } from '../../../test/harness.ts'
import type { createWorkspace, Member } from '../../../test/workspace.ts'

export type TestApi = Awaited<ReturnType<typeof createTestApi>>
export type Workspace = Awaited<ReturnType<typeof createWorkspace>>

export const send = (method: string, body?: unknown): RequestInit => ({
  method,
  headers: { 'content-type': 'application/json' },
  ...(body === undefined ? {} : { body: JSON.stringify(body) }),
})

/** Calls the API as a member and returns status and parsed body. */
export async function call(ws: Workspace, who: Member, path: string, init?: RequestInit) {
  const res = await ws.as(who, path, init)
  const text = await res.text()
  // biome-ignore lint/suspicious/noExplicitAny: test bodies are asserted field by field
  const body: any = text ? JSON.parse(text) : null
  return { status: res.status, body }
}

export const fields = (body: { errors?: { field: string }[] }) =>
  (body.errors ?? []).map((e) => e.field).sort()

/** The default process's stages by name (Prospect 10, Qualified 25, Proposal 50, Negotiation 75, Won, Lost). */
export const stage = (ws: Workspace, name: string) => {
  const s = ws.defaults.defaultProcess.stages.find((x) => x.name === name)
  if (!s) throw new Error(`no stage ${name}`)
  return s
}

export const stageHistory = (api: TestApi, dealId: string) =>
  api.db
    .select()
    .from(schema.dealStageHistory)
    .where(eq(schema.dealStageHistory.dealId, dealId))
    .orderBy(desc(schema.dealStageHistory.changedAt), desc(schema.dealStageHistory.createdAt))

export const auditOf = (api: TestApi, tenantId: string, action: string) =>
  api.db
    .select()
    .from(schema.auditLog)
    .where(and(eq(schema.auditLog.tenantId, tenantId), eq(schema.auditLog.action, action)))

export const dealRow = async (api: TestApi, id: string) => {
  const [row] = await api.db.select().from(schema.deals).where(eq(schema.deals.id, id))
  return row
}
