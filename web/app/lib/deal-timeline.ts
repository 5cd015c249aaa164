// A deal's one timeline (issue 13): its activities and its stage changes, newest first, in the shape the
// contact timeline already renders (components/records/timeline.tsx). Links to the deal itself are left
// out: the reader is on it.
import type { TimelineItem } from '~/components/records/timeline.tsx'

interface Activity {
  id: string
  type: 'call' | 'email' | 'meeting' | 'note'
  subject: string | null
  description: string | null
  occurredAt: string
  createdBy: string | null
}

interface StageChange {
  id: string
  fromStageName: string | null
  toStageName: string
  amount: string
  changedBy: string | null
  changedAt: string
}

const none = { dealId: null, dealName: null } as const

export function dealTimeline(activities: Activity[], stageChanges: StageChange[]): TimelineItem[] {
  const items: TimelineItem[] = [
    ...activities.map(
      (a): TimelineItem => ({
        ...none,
        kind: 'activity',
        at: a.occurredAt,
        id: a.id,
        activityType: a.type,
        subject: a.subject,
        description: a.description,
        fromStageName: null,
        toStageName: null,
        amount: null,
        actorUserId: a.createdBy,
      }),
    ),
    ...stageChanges.map(
      (s): TimelineItem => ({
        ...none,
        kind: s.fromStageName ? 'stage_changed' : 'deal_created',
        at: s.changedAt,
        id: s.id,
        activityType: null,
        subject: null,
        description: null,
        fromStageName: s.fromStageName,
        toStageName: s.toStageName,
        amount: s.amount,
        actorUserId: s.changedBy,
      }),
    ),
  ]
  return items.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0))
}
