// A notification as a sentence (ADR 0169), with the actor's name and the record it is about. The wording is
// the API's (api/src/lib/notification-text.ts, also used for e-mail, ADR 0171), so Inbox and mail agree.
// The record names come from the feed (joined at read time under the reader's policies); a name the reader
// no longer gets is left out rather than guessed.
import { notificationText } from '@aura/api/lib/notification-text'

export interface FeedItem {
  kind: string
  actorUserId: string | null
  dealName: string | null
  contactName: string | null
  taskSubject: string | null
  processName?: string | null
}

export function notificationSentence(n: FeedItem, names: Record<string, string>): string {
  const actorName = n.actorUserId ? (names[n.actorUserId] ?? 'A former member') : null
  return notificationText({ ...n, actorName })
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
  'task.due': 'A next step of mine is due',
  'process.changed': 'A process I have open deals in changes its stages or name',
}
