// A page is admitted as one request: while the process is full, a new page waits its turn or gets a 503
// busy page with Retry-After; an admitted page renders whatever it calls (those calls bypass the gauge).
import { admissionGauge } from '@aura/api/middleware/shed-load'
import { describe, expect, it } from 'vitest'
import { pageAdmission } from './admission.ts'

describe('pageAdmission', () => {
  it('renders admitted pages, refuses one beyond the limit with a 503 page, and frees the place after', async () => {
    const gauge = admissionGauge({ maxInFlight: 1, maxQueue: 0, maxWaitMs: 0, retryAfterSeconds: 2 })
    const admit = pageAdmission(gauge)
    let finish: (r: Response) => void = () => {}
    const slow = admit(() => new Promise<Response>((resolve) => (finish = resolve)))
    expect(gauge.inFlight).toBe(1)

    const refused = await admit(async () => new Response('rendered'))
    expect(refused.status).toBe(503)
    expect(refused.headers.get('Retry-After')).toBe('2')
    expect(refused.headers.get('Content-Type')).toMatch(/^text\/html/)
    expect(await refused.text()).toContain('Aura is busy')

    finish(new Response('first'))
    expect(await (await slow).text()).toBe('first')
    expect(gauge.inFlight).toBe(0)
    expect(await (await admit(async () => new Response('next'))).text()).toBe('next')
  })

  it('frees the place when rendering throws', async () => {
    const gauge = admissionGauge({ maxInFlight: 1, maxQueue: 0, maxWaitMs: 0 })
    const admit = pageAdmission(gauge)
    await expect(admit(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom')
    expect(gauge.inFlight).toBe(0)
  })
})
