// A notification as a sentence (ADR 0169), with the actor's name and the record it is about; pure, so the
// feed and its tests say the same. The record names come from the feed (joined at read time under the
// reader's policies); a name the reader no longer gets is left out rather than guessed.

export interface FeedItem {
  kind: string
  actorUserId: string | null
  dealName: string | null
  contactName: string | null
  taskSubject: string | null
}

const quoted = (s: string) => `“${s}”`

export function notificationSentence(n: FeedItem, names: Record<string, string>): string {
  const actor = n.actorUserId ? (names[n.actorUserId] ?? 'A former member') : 'Aura'
  const deal = n.dealName ? quoted(n.dealName) : 'a deal'
  switch (n.kind) {
    case 'deal.assigned':
      return `${actor} made you the owner of ${deal}`
    case 'deal.stage_changed':
      return `${actor} moved ${deal} to another stage`
    case 'deal.won':
      return `${actor} marked ${deal} as won`
    case 'deal.lost':
      return `${actor} marked ${deal} as lost`
    case 'activity.logged': {
      const on = n.contactName ?? (n.dealName ? quoted(n.dealName) : 'your records')
      return `${actor} logged an activity with ${on}`
    }
    case 'task.assigned':
      return `${actor} gave you a next step${n.taskSubject ? `: ${quoted(n.taskSubject)}` : ''}`
    case 'invitation.accepted':
      return `${actor} joined the workspace`
    default:
      return `${actor} changed something of yours`
  }
}

/** What each kind is called where a member chooses what they are told. */
export const KIND_LABELS: Record<string, string> = {
  'deal.assigned': 'A deal is assigned to me',
  'deal.stage_changed': 'A deal of mine moves to another stage',
  'deal.won': 'A deal of mine is won',
  'deal.lost': 'A deal of mine is lost',
  'activity.logged': 'An activity is logged on my contact or deal',
  'task.assigned': 'Someone gives me a next step',
  'invitation.accepted': 'Someone joins the workspace (admins)',
}
