// Factories shared by tests, the demo seed and the benchmark generator: each takes a db/tx and overrides.
export * from './crm.ts'
export * from './executor.ts'
export * from './password.ts'
export * from './processes.ts'
export * from './products.ts'
export * from './provision.ts'
export * from './tenants.ts'
export * from './users.ts'
