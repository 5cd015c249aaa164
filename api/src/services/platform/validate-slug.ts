import { z } from '@hono/zod-openapi'

/** Hosts we use, or may use, ourselves: a workspace must never shadow them (F1.4). */
export const RESERVED_SLUGS: ReadonlySet<string> = new Set([
  'www',
  'api',
  'admin',
  'app',
  'mail',
  'root',
  'platform',
  'static',
  'assets',
  'status',
  'help',
  'support',
  'docs',
  'billing',
])

/** A DNS label (lowercase letters, digits, inner hyphens, 1–63 chars) that is not reserved. */
export const ZSlug = z
  .string()
  .trim()
  .toLowerCase()
  .regex(
    /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/,
    'Use 1–63 lowercase letters, digits or inner hyphens (a DNS label)',
  )
  .refine((s) => !RESERVED_SLUGS.has(s), 'This address is reserved')
