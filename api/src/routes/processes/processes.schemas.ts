import { z } from '@hono/zod-openapi'
import * as inputs from '../../services/processes/processes.inputs.ts'
import { ZStageKind } from '../../services/processes/processes.inputs.ts'

export {
  REQUIRABLE_FIELDS,
  type RequirableField,
  type TCreateProcess,
  type TCreateStage,
  type TUpdateProcess,
  type TUpdateStage,
  ZCreateStage,
  ZStageKind,
} from '../../services/processes/processes.inputs.ts'

export const ZUpdateStage = inputs.ZUpdateStage.openapi('UpdateStage')
export const ZCreateProcess = inputs.ZCreateProcess.openapi('CreateProcess')
export const ZUpdateProcess = inputs.ZUpdateProcess.openapi('UpdateProcess')

export const ZStage = z
  .object({
    id: z.uuid(),
    processId: z.uuid(),
    name: z.string(),
    position: z.number().int(),
    kind: ZStageKind,
    winProbability: z.number().int(),
    requiredFields: z.array(z.string()),
  })
  .openapi('Stage')

export const ZProcess = z
  .object({
    id: z.uuid(),
    name: z.string(),
    description: z.string().nullable(),
    isDefault: z.boolean(),
    archived: z.boolean(),
    archivedAt: z.string().nullable(),
    position: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
    stages: z.array(ZStage),
  })
  .openapi('Process')

export const ZReorderStages = z
  .object({ stageIds: z.array(z.uuid()).min(1).max(50) })
  .openapi('ReorderStages')

export const ZProcessListQuery = z.object({
  includeArchived: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
})

export const ZProcessParams = z.object({ id: z.uuid() })
export const ZStageParams = z.object({ id: z.uuid(), stageId: z.uuid() })
export const ZDeleteStageQuery = z.object({ moveTo: z.uuid().optional() })
