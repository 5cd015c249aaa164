// Shared steps for the admin specs: demo login, and reading step-up codes from the local-mode outbox.
import type { APIRequestContext, Page } from '@playwright/test'
import { expect, workspaceUrl } from './fixtures.ts'

export async function login(page: Page, baseURL: string | undefined, email: string) {
  await page.goto(workspaceUrl(baseURL, 'demo', '/login'))
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password').fill('demo-password-123')
  await page.getByRole('button', { name: 'Log in' }).click()
  await expect(page).toHaveURL(/\/dashboard$/)
}

interface Email {
  id: string
  to: string
  subject: string
  text: string
}

/** Step-up code emails sent to `to` so far (local mode's outbox, on the root domain). */
export async function codeEmails(request: APIRequestContext, baseURL: string | undefined, to: string) {
  const res = await request.get(new URL('/api/v1/platform/outbox', baseURL).toString())
  expect(res.status()).toBe(200)
  const { data } = (await res.json()) as { data: Email[] }
  return data.filter((e) => e.to === to && /verification code/i.test(e.subject))
}

/** Waits for a code email that was not in `seen` and returns its 6 digits. */
export async function newCode(
  request: APIRequestContext,
  baseURL: string | undefined,
  to: string,
  seen: Set<string>,
) {
  let code = ''
  await expect
    .poll(async () => {
      const fresh = (await codeEmails(request, baseURL, to)).find((e) => !seen.has(e.id))
      code = /\b(\d{6})\b/.exec(fresh?.text ?? '')?.[1] ?? ''
      return code
    })
    .toMatch(/^\d{6}$/)
  return code
}
