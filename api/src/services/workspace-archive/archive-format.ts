// The archive's envelope: `{ format, version, exportedAt, workspace, tables: { <table>: [rows…] } }`
// (ADR 0125). The version changes when a restore of this version could no longer read an archive right.
export const ARCHIVE_FORMAT = 'aura-workspace-archive'
export const ARCHIVE_VERSION = 1

/** Rows per read while streaming an archive out: one batch is all a download holds in memory. */
export const ARCHIVE_BATCH = 1000

/**
 * The largest archive the HTTP restore accepts: it is parsed in memory and written in one transaction.
 * Larger workspaces restore with `npm run workspace:restore` on a Node host.
 */
export const RESTORE_MAX_BYTES = 25 * 1024 * 1024
