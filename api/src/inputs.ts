// The API's input schemas the web parses its forms with (ADR 0150): one import path, `@aura/api/inputs`, so
// where a schema lives inside the API (a service's inputs file, or the route schemas for inputs no service
// imports) is this file's concern. A form moving to Conform adds its schema here.

export { ZIdParam } from './lib/openapi.ts'
export { ZActivityInput } from './routes/activities/activities.schemas.ts'
export { ZContactInput } from './routes/contacts/contacts.schemas.ts'
export { ZOrganizationInput } from './routes/organizations/organizations.schemas.ts'
export { ZDeleteStageQuery } from './routes/processes/processes.schemas.ts'
export { ZPricingInput, ZProductCreate } from './routes/products/products.schemas.ts'
export { ZWorkspacePatch } from './routes/workspace/workspace.routes.ts'
export {
  ZConfirmPasswordReset,
  ZLogin,
  ZRequestPasswordReset,
  ZSignup,
  ZVerifyEmail,
} from './services/auth/auth.inputs.ts'
export { ZBulkContacts, ZContactFilter } from './services/contacts/bulk-contacts.inputs.ts'
export { ZCustomFieldInput } from './services/custom-fields/custom-fields.inputs.ts'
export { BULK_LIMIT, ZBulkDeals, ZDealFilter } from './services/deals/bulk-deals.inputs.ts'
export { ZCreateDeal, ZMoveDeal, ZUpdateDeal } from './services/deals/deals.inputs.ts'
export { ZAcceptInvitation, ZCreateInvitation } from './services/invitations/invitations.inputs.ts'
export { ZLineItemCreate, ZLineItemPatch } from './services/line-items/line-items.inputs.ts'
export { ZNotificationKind } from './services/notifications/notifications.inputs.ts'
export { ZActivateAccount, ZDeleteTenant } from './services/platform/platform.inputs.ts'
export { ZDeleteWorkspace, ZEraseContact } from './services/privacy/privacy.inputs.ts'
export {
  ZCreateLostReason,
  ZCreateProcess,
  ZCreateStage,
  ZUpdateProcess,
  ZUpdateStage,
} from './services/processes/processes.inputs.ts'
export { ZCreateSavedView, ZUpdateSavedView } from './services/saved-views/saved-views.inputs.ts'
export { ZCreateTask, ZTaskFields, ZUpdateTask } from './services/tasks/tasks.inputs.ts'
export { ZCreateToken, ZTokenParams } from './services/tokens/tokens.inputs.ts'
export { ZProfileFields, ZUserPatch } from './services/users/users.inputs.ts'
