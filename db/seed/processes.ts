import { lostReasons, processStages, salesProcesses } from '../schema/index.ts'
import { type Executor, first, uniq } from './executor.ts'

export type SalesProcess = typeof salesProcesses.$inferSelect
export type ProcessStage = typeof processStages.$inferSelect
export type NewSalesProcess = typeof salesProcesses.$inferInsert

export interface StageSpec {
  name: string
  winProbability: number
  kind?: 'open' | 'won' | 'lost'
  requiredFields?: string[]
}

/** F11.3: the process every new tenant starts with. */
export const DEFAULT_PROCESS_NAME = 'Sales pipeline'
export const DEFAULT_STAGES: readonly StageSpec[] = [
  { name: 'Prospect', winProbability: 10 },
  { name: 'Qualified', winProbability: 25 },
  { name: 'Proposal', winProbability: 50 },
  { name: 'Negotiation', winProbability: 75 },
  { name: 'Won', winProbability: 100, kind: 'won' },
  { name: 'Lost', winProbability: 0, kind: 'lost' },
]

/** Why deals are lost, as a new process starts (issue 13); migration 0026 gave existing processes these. */
export const DEFAULT_LOST_REASONS = ['Price', 'Chose a competitor', 'No budget', 'No decision', 'Timing']

export interface ProcessWithStages {
  process: SalesProcess
  stages: ProcessStage[]
}

/** A process and its ordered stages (positions 0, 1, …). */
export async function createProcess(
  db: Executor,
  overrides: Partial<NewSalesProcess> & { tenantId: string; stages?: readonly StageSpec[] },
): Promise<ProcessWithStages> {
  const { stages: specs = DEFAULT_STAGES, ...rest } = overrides
  const process = first(
    await db
      .insert(salesProcesses)
      .values({ name: `Process ${uniq()}`, ...rest })
      .returning(),
  )
  const stages = await db
    .insert(processStages)
    .values(
      specs.map((s, position) => ({
        tenantId: process.tenantId,
        processId: process.id,
        name: s.name,
        position,
        kind: s.kind ?? 'open',
        winProbability: s.winProbability,
        requiredFields: s.requiredFields ?? [],
      })),
    )
    .returning()
  await db.insert(lostReasons).values(
    DEFAULT_LOST_REASONS.map((label, position) => ({
      tenantId: process.tenantId,
      processId: process.id,
      label,
      position,
    })),
  )
  return { process, stages: stages.sort((a, b) => a.position - b.position) }
}
