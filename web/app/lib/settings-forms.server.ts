// The admin settings forms (workspace, users, the process editor) as the API's own input schemas (ADR 0150).
// The API's PATCH bodies are all-optional; these pages send every field they show, so each is required
// again (`unwrap()`), which keeps the API's messages for a blank name and clears a blank nullable field.
// Only what differs from the API body is written here.

import { z } from 'zod'
import {
  ZCreateInvitation,
  ZCreateLostReason,
  ZCreateStage,
  ZDeleteStageQuery,
  ZIdParam,
  ZUpdateProcess,
  ZUpdateStage,
  ZUserPatch,
  ZWorkspacePatch,
} from './inputs.server.ts'

const ZId = ZIdParam.shape.id

const workspace = ZWorkspacePatch.shape

/**
 * Workspace settings: a blank logo or industry is cleared, a blank retention left as it is; the time zone
 * is trimmed (it is typed, with suggestions) before the API's check.
 */
export const ZWorkspaceForm = z.object({
  companyName: workspace.companyName.unwrap(),
  logoUrl: workspace.logoUrl.unwrap(),
  industry: workspace.industry.unwrap(),
  timezone: z.string().trim().pipe(workspace.timezone.unwrap()),
  retentionDays: workspace.retentionDays,
})

/** "Invite someone": the API's invitation (the form's intent and idempotency key are not part of it). */
export const ZInviteForm = ZCreateInvitation

/** A member's access, one small form per member. */
export const ZRoleForm = z.object({ userId: ZId, role: ZUserPatch.shape.role.unwrap() })

/** Deactivating a member (step-up aware). */
export const ZDeactivateForm = z.object({ userId: ZId })

/** Revoking a pending invitation. */
export const ZRevokeForm = z.object({ invitationId: ZId })

const processFields = ZUpdateProcess.shape

/** "Save process": a blank name is refused, a blank description cleared. */
export const ZRenameProcessForm = z.object({
  name: processFields.name.unwrap(),
  description: processFields.description.unwrap(),
})

/** "Add stage": the API's new stage (no box ticked: nothing required); the form also posts its intent. */
export const ZAddStageForm = z.object(ZCreateStage.shape)

const stage = ZUpdateStage.shape

/** A stage's settings: every field is sent, and no box ticked clears what the stage requires. */
export const ZStageForm = z.object({
  stageId: ZId,
  name: stage.name.unwrap(),
  kind: stage.kind.unwrap(),
  winProbability: stage.winProbability.unwrap(),
  requiredFields: stage.requiredFields.unwrap().default([]),
})

/** The up/down buttons of a stage. */
export const ZMoveStageForm = z.object({ stageId: ZId, direction: z.enum(['up', 'down']) })

/** Deleting a stage, and where its open deals go ("(the stage has no deals)" sends none). */
export const ZDeleteStageForm = z.object({ stageId: ZId, ...ZDeleteStageQuery.shape })

/** "Add a reason" to the process's lost reasons, and a reason's "Remove" (archived: lost deals keep it). */
export const ZAddReasonForm = ZCreateLostReason
export const ZArchiveReasonForm = z.object({ reasonId: ZId })

/** A button that sends nothing but its intent (make default, archive, restore, delete a process). */
export const ZIntentOnly = z.object({})
