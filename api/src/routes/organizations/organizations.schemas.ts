import { z } from '@hono/zod-openapi'
import { ZListQuery, ZPage } from '../../lib/pagination.ts'
import { line } from '../../lib/text.ts'
import { ZCustomFieldValues } from '../../services/custom-fields/custom-fields.inputs.ts'
import { ZOrganizationInput } from '../../services/organizations/organizations.inputs.ts'

export { ZOrganizationInput }

export const ZOrganizationPatch = ZOrganizationInput.partial()

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}'
const IDS = new RegExp(`^${UUID}(,${UUID}){0,99}$`, 'i')

export const ZOrganizationListQuery = ZListQuery.extend({
  q: line(200).min(1).optional(),
  parentId: z.uuid('Not a valid id').optional(),
  /** The organizations a page names (a deals page's rows): one read instead of one per organization. */
  ids: z
    .string()
    .regex(IDS, 'Up to 100 ids, separated by commas')
    .optional()
    .openapi({ description: 'Only these organizations: up to 100 ids, separated by commas' }),
})

const ZRef = z.object({ id: z.uuid(), name: z.string() })

export const ZOrganizationSummary = z
  .object({
    id: z.uuid(),
    name: z.string(),
    parentId: z.uuid().nullable(),
    size: z.string().nullable(),
    industry: z.string().nullable(),
    location: z.string().nullable(),
    website: z.string().nullable(),
    customFields: ZCustomFieldValues,
    createdAt: z.string(),
    updatedAt: z.string(),
    createdBy: z.uuid().nullable(),
  })
  .openapi('OrganizationSummary')

export const ZOrganization = ZOrganizationSummary.extend({
  parent: ZRef.nullable(),
  subsidiaries: z.array(ZRef),
}).openapi('Organization')

export const ZOrganizationPage = ZPage(ZOrganizationSummary).openapi('OrganizationPage')
