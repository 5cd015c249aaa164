// Admin settings in depth (issue 5): custom fields, a throwaway process through its whole life (stage
// deletion, rename, archive, deletion), an export download behind step-up, the audit log's filters,
// invitations revoked and the retention setting. Only unique or restored data, so other specs are safe.
import { codeEmails, login, newCode } from './admin-helpers.ts'
import { expect, test, workspaceUrl } from './fixtures.ts'

test('an admin manages fields, a process lifecycle, exports and reads the audit log', async ({
  page,
  baseURL,
  request,
  checkA11y,
  shot,
  demoData,
}) => {
  const stamp = demoData.stamp
  const url = (path: string) => workspaceUrl(baseURL, 'demo', path)
  await login(page, baseURL, 'admin@demo.aura.test')

  // Custom fields: the API's key rule is shown on the field; then defined and retired.
  await page.goto(url('/settings/custom-fields'))
  await page.getByLabel('Record type').selectOption('contact')
  await page.getByLabel('Label').fill(`LinkedIn ${stamp}`)
  await page.getByLabel('Key').fill('Not A Key')
  await page.getByRole('button', { name: 'Define field' }).click()
  await expect(page.getByText('Use snake_case')).toBeVisible()
  await checkA11y('custom-fields-error')
  await page.getByLabel('Key').fill(`linkedin_${stamp}`)
  await page.getByRole('button', { name: 'Define field' }).click()
  await expect(page.getByRole('status')).toHaveText('Field defined.')
  await expect(page.getByRole('region', { name: 'Contacts' })).toContainText(`LinkedIn ${stamp}`)
  await shot('custom-fields')
  await checkA11y('custom-fields')
  await page.getByRole('button', { name: `Retire LinkedIn ${stamp}` }).click()
  await expect(page.getByRole('status')).toHaveText('Field retired.')
  await expect(page.getByRole('main')).not.toContainText(`LinkedIn ${stamp}`)

  // Export: the API wants step-up first; the page shows the code step, and verifying downloads the file.
  const seen = new Set((await codeEmails(request, baseURL, 'admin@demo.aura.test')).map((e) => e.id))
  await page.goto(url('/settings/export'))
  await checkA11y('export')
  await page.getByLabel('What to export').selectOption('contacts')
  await page.getByRole('button', { name: 'Download export' }).click()
  await expect(page).toHaveURL(/step=sent/)
  await expect(page.getByRole('heading', { name: 'Confirm it is you' })).toBeVisible()
  await checkA11y('export-step-up')
  await page
    .getByLabel('Verification code')
    .fill(await newCode(request, baseURL, 'admin@demo.aura.test', seen))
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Verify and download' }).click(),
  ])
  expect(download.suggestedFilename()).toMatch(/^aura-contacts-\d{4}-\d{2}-\d{2}\.csv$/)

  // A throwaway process: stages, one deleted, renamed, archived and restored, then deleted (the session
  // verified its code for the export minutes ago, so no new code is asked).
  await page.goto(url('/settings/processes'))
  await page.getByLabel('Process name').fill(`Temp ${stamp}`)
  await page.getByRole('button', { name: 'Create process' }).click()
  for (const name of ['Alpha', 'Beta']) {
    await page.getByLabel('New stage name').fill(name)
    await page.getByRole('button', { name: 'Add stage' }).click()
    await expect(page.getByRole('status')).toHaveText('Stage added.')
  }
  await page.getByText('Delete Alpha…').click()
  await page.getByLabel('Move open deals to').first().selectOption({ label: 'Beta' })
  await page.getByRole('button', { name: 'Delete stage' }).first().click()
  await expect(page.getByRole('status')).toHaveText('Stage deleted.')
  await expect(page.getByRole('heading', { level: 3 })).toHaveText(['1. Beta', 'Add a stage'])
  const beta = page.getByRole('form', { name: 'Settings of Beta' })
  await beta.getByLabel('Win probability %').fill('40')
  await beta.getByLabel('Notes', { exact: true }).check()
  await beta.getByRole('button', { name: 'Save Beta' }).click()
  await expect(page.getByRole('status')).toHaveText('Stage saved.')
  await expect(
    page.getByRole('form', { name: 'Settings of Beta' }).getByLabel('Notes', { exact: true }),
  ).toBeChecked()
  await page.getByLabel('Process name').fill(`Temp renamed ${stamp}`)
  await page.getByRole('button', { name: 'Save process' }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Temp renamed ${stamp}`)
  await page.getByRole('button', { name: 'Archive process' }).click()
  await expect(page.getByRole('status')).toHaveText('Process archived.')
  await page.getByRole('button', { name: 'Restore process' }).click()
  await expect(page.getByRole('status')).toHaveText('Process restored.')
  await page.getByText('Delete this process…').click()
  await page.getByRole('button', { name: `Yes, delete Temp renamed ${stamp}` }).click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sales processes')
  await expect(page.getByRole('main')).not.toContainText(`Temp renamed ${stamp}`)

  // The audit log finds that export by action and actor, and says it as a sentence with the name.
  await page.goto(url('/settings/audit-log'))
  await page.getByLabel('Action').fill('tenant.exported')
  await page.getByLabel('Who').selectOption({ label: 'Ada Admin' })
  await page.getByRole('button', { name: 'Filter' }).click()
  await expect(page).toHaveURL(/action=tenant.exported/)
  const entries = page.getByRole('region', { name: 'Audit entries' })
  await expect(entries).toContainText('Ada Admin exported contacts as CSV')
  await expect(entries).not.toContainText('"format"')
  await shot('audit-log')
  await checkA11y('audit-log')
  // Security events only (F5.6, ADR 0141): the export is not one, so the same filters now match nothing.
  await page.getByLabel('Kind').selectOption({ label: 'Security events' })
  await page.getByRole('button', { name: 'Filter' }).click()
  await expect(page).toHaveURL(/category=security/)
  await expect(page.getByText('No entries match.')).toBeVisible()

  // Invitations: sent, listed, revoked.
  await page.goto(url('/settings/users'))
  const invitee = `temp-${stamp}@example.test`
  await page.getByLabel('Email').fill(invitee)
  await page.getByRole('button', { name: 'Send invitation' }).click()
  await expect(page.getByRole('region', { name: 'Pending invitations' })).toContainText(invitee)
  await page.getByRole('button', { name: `Revoke the invitation for ${invitee}` }).click()
  await expect(page.getByRole('status')).toHaveText('Invitation revoked.')
  await expect(page.getByRole('region', { name: 'Pending invitations' })).not.toContainText(invitee)
  await checkA11y('users')

  // Retention: the API's range is shown; the original value is put back.
  await page.goto(url('/settings/workspace'))
  const original = await page.getByLabel('Retention days').inputValue()
  await page.getByLabel('Retention days').fill('0')
  await page.getByRole('button', { name: 'Save workspace' }).click()
  await expect(page.getByLabel('Retention days')).toHaveAttribute('aria-invalid', 'true')
  await checkA11y('workspace-error')
  await page.getByLabel('Retention days').fill(original)
  await page.getByRole('button', { name: 'Save workspace' }).click()
  await expect(page.getByRole('status')).toHaveText('Workspace saved.')
})
