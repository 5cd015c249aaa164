// The bulk data generator (docs/decisions/0070-bulk-data-generator.md).

export { fingerprint } from './fingerprint.ts'
export { GENERATED_PASSWORD, type GenerateOptions, type GenerateReport, generateData } from './generate.ts'
export type { TenantReport } from './load.ts'
export { GENERATED_TABLES } from './plan.ts'
export { Rng } from './prng.ts'
export { BIG, SCALES, type ScaleName, scaleTenants, selectTenants, type TenantSpec, XL } from './scales.ts'
export { pipelineTotalsMismatches, verifyTenant } from './verify.ts'
