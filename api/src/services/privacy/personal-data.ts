// Data-subject access (GDPR art. 15 and 20, issue 15, ADR 0173): everything Aura holds about one contact, as
// one JSON document an admin hands to the person. Read in the admin's tenant transaction (RLS: an admin sees
// every record of the tenant, and nothing of another), soft-deleted and archived records included: "what we
// hold" is not "what the lists show". Other members' notifications about the contact are read through
// contact_notifications() (migration 0035), since crm_app reads only its own.
import { schema, type Tx } from '@aura/db'
import { and, eq, inArray, or, sql } from 'drizzle-orm'
import type { Actor } from '../../lib/actor.ts'
import { notFound } from '../../lib/problem.ts'
import { recordAudit } from '../audit/record-audit.ts'

const c = schema.contacts

/** A row as the export shows it: without the tenant id (the person's own workspace, said once above). */
function withoutTenant<T extends { tenantId: string }>(row: T): Omit<T, 'tenantId'> {
  const { tenantId: _tenant, ...rest } = row
  return rest
}

/**
 * The contact row of the bound tenant, live or soft-deleted, or 404 (another tenant's id included); locked
 * when it is about to be erased, so its values cannot change between reading and erasing them.
 */
export async function findContactForPrivacy(tx: Tx, actor: Actor, id: string, lock = false) {
  const query = tx
    .select()
    .from(c)
    .where(and(eq(c.tenantId, actor.tenantId), eq(c.id, id)))
  const [row] = lock ? await query.for('update') : await query
  if (!row) throw notFound('Contact')
  return row
}

interface NotificationRow extends Record<string, unknown> {
  id: string
  kind: string
  recipient_user_id: string
  actor_user_id: string | null
  deal_id: string | null
  task_id: string | null
  read_at: unknown
  created_at: unknown
}

const iso = (v: unknown) => (v === null || v === undefined ? null : new Date(String(v)).toISOString())

/**
 * The contact (with custom fields and organization), their activities, the tasks about them, the deals they
 * are on, every member's notifications about them and the audit entries about them, their activities and
 * tasks (or naming them as a deal's contact). Audited as contact.personal_data_exported (ids only).
 */
export async function exportPersonalData(tx: Tx, { actor, id }: { actor: Actor; id: string }) {
  const contact = await findContactForPrivacy(tx, actor, id)
  const organization = contact.organizationId
    ? ((
        await tx
          .select({ id: schema.organizations.id, name: schema.organizations.name })
          .from(schema.organizations)
          .where(
            and(
              eq(schema.organizations.tenantId, actor.tenantId),
              eq(schema.organizations.id, contact.organizationId),
            ),
          )
      )[0] ?? null)
    : null
  const a = schema.activities
  const activities = await tx
    .select()
    .from(a)
    .where(and(eq(a.tenantId, actor.tenantId), eq(a.contactId, id)))
    .orderBy(a.occurredAt, a.id)
  const k = schema.tasks
  const tasks = await tx
    .select()
    .from(k)
    .where(and(eq(k.tenantId, actor.tenantId), eq(k.contactId, id)))
    .orderBy(k.dueAt, k.id)
  const d = schema.deals
  const deals = await tx
    .select()
    .from(d)
    .where(and(eq(d.tenantId, actor.tenantId), eq(d.contactId, id)))
    .orderBy(d.createdAt, d.id)
  const notified = (await tx.execute(sql`select * from contact_notifications(${id}::uuid)`)) as unknown as {
    rows: NotificationRow[]
  }
  const l = schema.auditLog
  const about = [id, ...activities.map((r) => r.id), ...tasks.map((r) => r.id)]
  const audit = await tx
    .select({
      id: l.id,
      action: l.action,
      entityType: l.entityType,
      entityId: l.entityId,
      actorUserId: l.actorUserId,
      before: l.before,
      after: l.after,
      createdAt: l.createdAt,
    })
    .from(l)
    .where(
      and(
        eq(l.tenantId, actor.tenantId),
        or(
          inArray(l.entityId, about),
          sql`${l.after} ->> 'contactId' = ${id}`,
          sql`${l.before} ->> 'contactId' = ${id}`,
        ),
      ),
    )
    .orderBy(l.createdAt, l.id)
  await recordAudit(tx, {
    tenantId: actor.tenantId,
    action: 'contact.personal_data_exported',
    actorUserId: actor.userId,
    entityType: 'contact',
    entityId: id,
    requestId: actor.requestId,
  })
  return {
    exportedAt: new Date().toISOString(),
    workspaceId: actor.tenantId,
    contact: { ...withoutTenant(contact), organization },
    activities: activities.map(withoutTenant),
    tasks: tasks.map(withoutTenant),
    deals: deals.map(withoutTenant),
    notifications: notified.rows.map((n) => ({
      id: n.id,
      kind: n.kind,
      recipientUserId: n.recipient_user_id,
      actorUserId: n.actor_user_id,
      dealId: n.deal_id,
      taskId: n.task_id,
      readAt: iso(n.read_at),
      createdAt: iso(n.created_at),
    })),
    auditLog: audit,
  }
}
export type PersonalData = Awaited<ReturnType<typeof exportPersonalData>>
