// Runtime configuration, parsed once at boot from the runtime's env (process.env or Workers bindings).
import { z } from 'zod'

const ZConfig = z.object({
  ROOT_DOMAIN: z.string().min(1).default('localhost'),
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  RESEND_API_KEY: z.string().optional(),
  RESEND_BASE_URL: z.string().url().optional(),
  EMAIL_FROM: z.string().default('Aura CRM <no-reply@aura.localhost>'),
})

export type Config = z.infer<typeof ZConfig>

export function parseConfig(env: Record<string, unknown>): Config {
  return ZConfig.parse(env)
}
