// The message after a successful action (issue 13: feedback after every action, with or without
// JavaScript). An action redirects with a short-lived cookie naming what happened; the workspace shell's
// loader reads it once, clears it and shows the sentence (components/flash-message.tsx). The cookie holds
// a key from this catalogue (plus at most one short name), never free text, so a forged cookie can only
// show one of these sentences; it is not signed for that reason.
import { createCookie, redirect } from '@remix-run/node'

const MESSAGES = {
  'contact.created': 'Contact created.',
  'contact.saved': 'Contact saved.',
  'contact.erased': 'Contact erased: their personal data is gone from Aura.',
  'activity.logged': 'Activity logged.',
  'activity.archived': 'Activity archived.',
  'task.planned': 'Next step planned.',
  'task.done': 'Done: {name}.',
  'task.rescheduled': 'Rescheduled.',
  'notifications.read': 'All marked as read.',
  'notifications.preferences': 'Your choices are saved.',
  'organization.created': 'Organization created.',
  'organization.saved': 'Organization saved.',
  'product.created': 'Product created.',
  'product.saved': 'Product saved.',
  'product.priced': 'Pricing saved.',
  'product.status': 'Status changed.',
  'product.activated': '{name} activated.',
  'product.deactivated': '{name} deactivated.',
  'custom-field.created': 'Field defined.',
  'custom-field.retired': 'Field retired.',
  'deal.created': 'Deal created.',
  'deal.saved': 'Deal saved.',
  'deal.moved': 'Moved to {name}.',
  'deal.won': 'Marked as won. Well done!',
  'deal.lost': 'Marked as lost.',
  'deal.reopened': 'Reopened in {name}.',
  'deal.assigned': 'Owner changed.',
  'deal.line-added': 'Product added; the amount follows the line items.',
  'deal.line-saved': 'Line item saved.',
  'deal.line-removed': 'Line item removed.',
  'view.saved': 'View “{name}” saved.',
  'view.renamed': 'View renamed to “{name}”.',
  'view.deleted': 'View deleted.',
  'deals.reassign': '{name} reassigned.',
  'deals.move': '{name} moved.',
  'deals.delete': '{name} deleted.',
  'contacts.reassign': '{name} reassigned.',
  'contacts.delete': '{name} deleted.',
  'workspace.saved': 'Workspace saved.',
  'invitation.sent': 'Invitation sent to {name}.',
  'invitation.revoked': 'Invitation revoked.',
  'member.role': 'Role saved.',
  'member.deactivated': 'User deactivated: their sessions have ended.',
  'process.created': 'Process created. Add its stages below.',
  'process.saved': 'Process saved.',
  'process.default': 'This is now the default process for new deals.',
  'process.archived': 'Process archived.',
  'process.unarchived': 'Process restored.',
  'process.deleted': 'Process deleted.',
  'stage.saved': 'Stage saved.',
  'stage.added': 'Stage added.',
  'stage.moved': 'Stages reordered.',
  'stage.deleted': 'Stage deleted.',
  'reason.added': 'Lost reason added.',
  'reason.archived': 'Lost reason removed; deals lost for it keep it.',
  'profile.saved': 'Profile saved.',
  'token.revoked': 'Token revoked.',
} as const

export type FlashKey = keyof typeof MESSAGES
const templates = new Map<string, string>(Object.entries(MESSAGES))

const cookie = createCookie('aura_flash', { path: '/', httpOnly: true, sameSite: 'lax', maxAge: 60 })

/** The Set-Cookie header that carries `key` (and `name`, for sentences that name something) to the next page. */
export async function flashHeaders(request: Request, key: FlashKey, name?: string): Promise<HeadersInit> {
  const secure = new URL(request.url).protocol === 'https:'
  const value = name === undefined ? { key } : { key, name: name.slice(0, 200) }
  return { 'Set-Cookie': await cookie.serialize(value, { secure }) }
}

/** Post/Redirect/Get with the sentence to show on the page redirected to. */
export async function redirectWithFlash(request: Request, to: string, key: FlashKey, name?: string) {
  return redirect(to, { headers: await flashHeaders(request, key, name) })
}

function sentence(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || !('key' in value)) return null
  const template = typeof value.key === 'string' ? templates.get(value.key) : undefined
  if (!template) return null
  const name = 'name' in value && typeof value.name === 'string' ? value.name.slice(0, 200) : ''
  return template.includes('{name}') && !name ? null : template.replace('{name}', name)
}

/** The sentence waiting for this request, if any, and the header that clears it (shown once). */
export async function takeFlash(
  request: Request,
): Promise<{ message: string | null; headers?: HeadersInit }> {
  const header = request.headers.get('Cookie')
  if (!header?.includes('aura_flash=')) return { message: null }
  const message = sentence(await cookie.parse(header))
  const secure = new URL(request.url).protocol === 'https:'
  return { message, headers: { 'Set-Cookie': await cookie.serialize('', { maxAge: 0, secure }) } }
}
