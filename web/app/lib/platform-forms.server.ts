// The platform console's forms (ADR 0150): each names its account or workspace in a hidden `id` (the API's
// path parameter) next to the API's own body schema.
import { ZActivateAccount, ZDeleteTenant, ZIdParam } from './inputs.server.ts'

export { ZIdParam as ZPlatformTarget }
export const ZActivateForm = ZIdParam.extend(ZActivateAccount.shape)
export const ZDeleteTenantForm = ZIdParam.extend(ZDeleteTenant.shape)
