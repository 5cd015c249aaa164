// How an outbox row leaves the building. Resend in production; without RESEND_API_KEY (local mode) the
// log transport writes a line per email so a developer can follow links on their own machine.
import { Resend } from 'resend'
import type { Config } from '../../config.ts'
import type { Logger } from '../logger.ts'

export interface OutgoingEmail {
  /** The outbox row id: also the provider idempotency key, so a retried send is not delivered twice. */
  id: string
  to: string
  subject: string
  html: string
  text: string
  template: string
}

export interface EmailTransport {
  readonly name: 'resend' | 'log'
  /** Resolves with the provider's message id; rejects with a short reason on failure. */
  send(email: OutgoingEmail): Promise<{ providerId: string }>
}

export function resendTransport(opts: { apiKey: string; baseUrl?: string | undefined; from: string }) {
  const client = new Resend(opts.apiKey, opts.baseUrl ? { baseUrl: opts.baseUrl } : undefined)
  return {
    name: 'resend',
    async send(email) {
      const { data, error } = await client.emails.send(
        { from: opts.from, to: email.to, subject: email.subject, html: email.html, text: email.text },
        { idempotencyKey: `outbox-${email.id}` },
      )
      if (error || !data) throw new Error(`resend: ${error?.name ?? 'no data'}: ${error?.message ?? ''}`)
      return { providerId: data.id }
    },
  } satisfies EmailTransport
}

/**
 * Local mode only (no RESEND_API_KEY): logs the template, the outbox id and the first link of the text
 * body, so a person can click an invitation or reset link from the terminal. This is the one place a
 * link reaches a log line, and it never runs when a key is configured.
 */
export function logTransport(logger: Logger): EmailTransport {
  return {
    name: 'log',
    async send(email) {
      const link = email.text.match(/https?:\/\/\S+/)?.[0]
      logger.info('email (local mode, not sent)', { template: email.template, outboxId: email.id, link })
      return { providerId: `local-${email.id}` }
    },
  }
}

/** Local mode is simply "no Resend key": emails are logged and readable at GET /platform/outbox. */
export const isLocalEmailMode = (config: Config) => !config.RESEND_API_KEY

export function transportFromConfig(config: Config, logger: Logger): EmailTransport {
  return config.RESEND_API_KEY
    ? resendTransport({
        apiKey: config.RESEND_API_KEY,
        baseUrl: config.RESEND_BASE_URL,
        from: config.EMAIL_FROM,
      })
    : logTransport(logger)
}
