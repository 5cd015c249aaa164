// The deals list's Organization filter box: its parameter, and what the loader makes of a typed name
// (organization-filter.server.ts), shared with the form and the page that shows the outcome.

/** The form's box, a name; never sent to the API, which filters by `organizationId`. */
export const ORGANIZATION_NAME = 'organization'

export type OrganizationFilter =
  | { kind: 'none' }
  | { kind: 'choose'; typed: string; choices: { name: string; href: string }[] }
  | { kind: 'unknown'; typed: string }
