// What the process and stage services take (F11): the routes validate requests with these schemas and add
// only OpenAPI metadata (routes/processes/processes.schemas.ts). CreateStage is nested in CreateProcess, so
// its component is named here, on the one instance both use.
import { z } from '@hono/zod-openapi'
import { line } from '../../lib/text.ts'

/** Deal fields a stage may require before a deal enters it (F11.7). */
export const REQUIRABLE_FIELDS = [
  'amount',
  'closeDate',
  'contactId',
  'organizationId',
  'assignedUserId',
  'notes',
] as const
export type RequirableField = (typeof REQUIRABLE_FIELDS)[number]

export const ZStageKind = z.enum(['open', 'won', 'lost'])
const ZName = line(120).min(1, 'Enter a name')
const ZProbability = z.number().int().min(0).max(100)
const ZRequiredFields = z
  .array(z.enum(REQUIRABLE_FIELDS))
  .max(REQUIRABLE_FIELDS.length)
  .transform((f) => [...new Set(f)])

export const ZCreateStage = z
  .object({
    name: ZName,
    kind: ZStageKind.default('open'),
    winProbability: ZProbability.default(0),
    requiredFields: ZRequiredFields.default([]),
  })
  // Strict here, not only at the API's edge (lib/openapi.ts): it is also nested in CreateProcess.stages.
  .strict()
  .openapi('CreateStage')
export type TCreateStage = z.infer<typeof ZCreateStage>

export const ZUpdateStage = z
  .object({
    name: ZName,
    kind: ZStageKind,
    winProbability: ZProbability,
    requiredFields: ZRequiredFields,
  })
  .partial()
export type TUpdateStage = z.infer<typeof ZUpdateStage>

export const ZCreateProcess = z.object({
  name: ZName,
  description: z.string().trim().max(2000).nullable().optional(),
  isDefault: z.boolean().default(false),
  /** Stages in board order; may be empty and added later. */
  stages: z.array(ZCreateStage).max(50).default([]),
})
export type TCreateProcess = z.infer<typeof ZCreateProcess>

export const ZUpdateProcess = z
  .object({
    name: ZName,
    description: z.string().trim().max(2000).nullable(),
    /** Only `true`: the default moves to this process (exactly one per tenant, F11.13). */
    isDefault: z.literal(true, 'Make another process the default instead'),
    archived: z.boolean(),
  })
  .partial()
export type TUpdateProcess = z.infer<typeof ZUpdateProcess>

export const ZCreateLostReason = z.object({ label: line(80).min(1, 'Enter a reason') })
export type TCreateLostReason = z.infer<typeof ZCreateLostReason>
