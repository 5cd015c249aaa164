// What the duplicates view and a merge take (issue 15, ADR 0172). A merge names the record that survives,
// the other one, and per field whose value survives (the survivor's when a field is not named).
import { z } from '@hono/zod-openapi'
import { ZListQuery } from '../../lib/pagination.ts'

export const MERGE_ENTITIES = ['contact', 'organization'] as const
export const ZMergeEntity = z.enum(MERGE_ENTITIES)
export type TMergeEntity = z.infer<typeof ZMergeEntity>

/** Why two records look like one, in the order the view walks them. */
export const REASONS = {
  contact: ['email', 'phone', 'name'],
  organization: ['domain', 'name'],
} as const satisfies Record<TMergeEntity, readonly string[]>
export const ZDuplicateReason = z.enum(['email', 'phone', 'name', 'domain'])
export type TDuplicateReason = z.infer<typeof ZDuplicateReason>

/** `limit` counts groups; a page may hold fewer (a window of keys had few duplicates) and still go on. */
export const ZDuplicatesQuery = ZListQuery.extend({
  entity: ZMergeEntity.default('contact'),
})
export type TDuplicatesQuery = z.infer<typeof ZDuplicatesQuery>

/** The fields a merge chooses between, per entity. */
export const CONTACT_MERGE_FIELDS = [
  'firstName',
  'lastName',
  'email',
  'phone',
  'title',
  'organizationId',
  'customFields',
] as const
export const ORGANIZATION_MERGE_FIELDS = [
  'name',
  'website',
  'industry',
  'size',
  'location',
  'customFields',
] as const

const ZId = z.uuid('Not a valid id')
export const ZSide = z.enum(['survivor', 'other'])
const choices = <K extends string>(keys: readonly K[]) =>
  z
    .object(
      Object.fromEntries(keys.map((k) => [k, ZSide.optional()])) as Record<K, z.ZodOptional<typeof ZSide>>,
    )
    .strict()

const merge = <E extends TMergeEntity, K extends string>(entity: E, keys: readonly K[]) =>
  z
    .object({
      entity: z.literal(entity),
      survivorId: ZId,
      otherId: ZId,
      /** Per field, whose value the survivor keeps; a field not named keeps the survivor's. */
      fields: choices(keys).optional(),
    })
    .strict()

export const ZMergeContacts = merge('contact', CONTACT_MERGE_FIELDS)
export const ZMergeOrganizations = merge('organization', ORGANIZATION_MERGE_FIELDS)
export const ZMerge = z
  .discriminatedUnion('entity', [ZMergeContacts, ZMergeOrganizations])
  .refine((m) => m.survivorId !== m.otherId, {
    message: 'Choose two different records',
    path: ['otherId'],
  })
export type TMerge = z.infer<typeof ZMerge>
