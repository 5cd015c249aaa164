// A notification as a sentence (ADR 0169, 0171): the one wording of the Inbox (web/app/lib/
// notification-sentence.ts gives it the names of the feed) and of e-mail (rendered when queued, with the
// names the writer read then, of records the recipient may see: notify decides which are linked). Pure.

export interface NamedNotification {
  /** A notification kind; one this code does not know reads as a vague sentence, never a wrong one. */
  kind: string
  /** The actor's name; null for the system (a due reminder). */
  actorName: string | null
  dealName?: string | null | undefined
  contactName?: string | null | undefined
  taskSubject?: string | null | undefined
  processName?: string | null | undefined
}

const quoted = (s: string) => `“${s}”`

export function notificationText(n: NamedNotification): string {
  const actor = n.actorName ?? 'Aura'
  const deal = n.dealName ? quoted(n.dealName) : 'a deal'
  const task = n.taskSubject ? `: ${quoted(n.taskSubject)}` : ''
  switch (n.kind) {
    case 'deal.assigned':
      return `${actor} made you the owner of ${deal}`
    case 'deal.stage_changed':
      return `${actor} moved ${deal} to another stage`
    case 'deal.won':
      return `${actor} marked ${deal} as won`
    case 'deal.lost':
      return `${actor} marked ${deal} as lost`
    case 'activity.logged':
      return `${actor} logged an activity with ${n.contactName ?? (n.dealName ? deal : 'your records')}`
    case 'task.assigned':
      return `${actor} gave you a next step${task}`
    case 'task.due':
      return `A next step of yours is due${task}`
    case 'process.changed':
      return `${actor} changed the stages or name of the process ${n.processName ? quoted(n.processName) : 'you sell in'}`
    case 'invitation.accepted':
      return `${actor} joined the workspace`
    default:
      return `${actor} changed something of yours`
  }
}

/** Where a notification's record lives in the web app (a task: its deal's or contact's page). */
export function recordPath(n: {
  dealId?: string | null | undefined
  contactId?: string | null | undefined
  processId?: string | null | undefined
}): string | null {
  if (n.dealId) return `/deals/${n.dealId}`
  if (n.contactId) return `/contacts/${n.contactId}`
  if (n.processId) return '/deals'
  return null
}
