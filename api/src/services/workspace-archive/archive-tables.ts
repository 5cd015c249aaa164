// What a workspace archive holds (ADR 0125). Every table of the database is classified here: archived (in
// restore order) or excluded with its reason. archive-tables.test.ts reads the catalog, so a table added
// later fails until someone decides which it is.
import { schema } from '@aura/db'
import type { PgTable } from 'drizzle-orm/pg-core'

export interface ArchivedTable {
  /** The SQL name, also the key under `tables` in the archive. */
  name: string
  table: PgTable
  /**
   * What the target workspace may already hold: `empty` (any row refuses the restore with 409), `replace`
   * (provisioning defaults: deleted, then the archive's rows written), `merge` (the target's own rows stay:
   * its members, matched to archived people by email, and its audit entries).
   */
  onRestore: 'empty' | 'replace' | 'merge'
  /** Columns (SQL names) an archive leaves out, each with the reason. `tenant_id` always is. */
  omit?: Record<string, string>
}

/** Restore order: each table after every table it references. */
export const ARCHIVED_TABLES: readonly ArchivedTable[] = [
  {
    name: 'users',
    table: schema.users,
    onRestore: 'merge',
    omit: {
      password_hash: 'a secret: restored people set a password with "forgot password" or are re-invited',
      is_platform_admin: 'platform power is granted by the platform, never by an archive',
      contract_status: 'the signup contract is the platform’s record of the account',
      contract_signed_at: 'the signup contract is the platform’s record of the account',
      requested_company_name: 'what a signup asked for before the workspace existed',
      requested_slug: 'what a signup asked for before the workspace existed',
      timezone:
        'a personal display preference (ADR 0164), unchecked by the restore: restored people read the workspace’s zone until they choose again',
    },
  },
  { name: 'custom_field_definitions', table: schema.customFieldDefinitions, onRestore: 'replace' },
  { name: 'sales_processes', table: schema.salesProcesses, onRestore: 'replace' },
  { name: 'process_stages', table: schema.processStages, onRestore: 'replace' },
  { name: 'lost_reasons', table: schema.lostReasons, onRestore: 'replace' },
  { name: 'products', table: schema.products, onRestore: 'replace' },
  { name: 'pricing_blueprints', table: schema.pricingBlueprints, onRestore: 'replace' },
  { name: 'product_price_history', table: schema.productPriceHistory, onRestore: 'empty' },
  { name: 'organizations', table: schema.organizations, onRestore: 'empty' },
  { name: 'contacts', table: schema.contacts, onRestore: 'empty' },
  { name: 'deals', table: schema.deals, onRestore: 'empty' },
  { name: 'deal_line_items', table: schema.dealLineItems, onRestore: 'empty' },
  { name: 'deal_stage_history', table: schema.dealStageHistory, onRestore: 'empty' },
  { name: 'activities', table: schema.activities, onRestore: 'empty' },
  { name: 'tasks', table: schema.tasks, onRestore: 'empty' },
  { name: 'audit_log', table: schema.auditLog, onRestore: 'merge' },
]

/**
 * Tables an archive leaves out, each with its reason (archive-tables.test.ts: every one exists). Derived
 * tables are excluded because the restore's own writes rebuild them, in its transaction.
 */
export const EXCLUDED_TABLES: Readonly<Record<string, string>> = {
  tenants:
    'the workspace row itself: its settings travel as `workspace`; slug, status and lifecycle stay with the target',
  sessions: 'credentials (hashed session ids) of the original workspace',
  api_tokens: 'credentials: a restored workspace issues new tokens',
  invitations: 'each carries a token hash; pending invitations are sent again',
  email_outbox: 'a delivery queue, not records; its rendered mails hold reset and invitation links',
  password_reset_tokens: 'credentials, platform side',
  email_verification_tokens: 'credentials, platform side',
  step_up_codes: 'credentials, platform side',
  rate_limit_counters: 'request counters, not data',
  login_backoff: 'failed-login counters per email address (ADR 0147), not workspace data',
  platform_audit_log: 'the platform’s own record about workspaces, not the workspace’s',
  audit_log_archive: 'audit entries of purged workspaces, kept by the platform',
  pipeline_stage_totals:
    'derived (ADR 0105): the statement triggers on deals count the restored deals as they are inserted',
  deal_close_totals:
    'derived (ADR 0170): the statement triggers on deals count the restored closed deals as they are inserted',
  idempotency_keys: 'answers to retried POSTs kept 24 h (ADR 0130), per user: a cache, not records',
  saved_views:
    'personal display preferences (ADR 0165) naming ids the restore gives anew: restored people save their views again',
  notifications:
    'derived messages about changes (ADR 0169), naming ids the restore gives anew; a restored workspace starts with an empty feed',
  notification_preferences:
    'personal choices (ADR 0169) like saved views: restored people set them again (the defaults apply meanwhile)',
  task_reminders:
    'bookkeeping of the due-reminder job (ADR 0171): a restored task past its due time is not reminded again (older than a day) or is reminded once',
  notification_digests:
    'bookkeeping of the digest job (ADR 0171): which days a member’s digest was made; a restored member starts afresh',
  imports:
    'a member’s upload and its progress (ADR 0174): the records it wrote are archived in their own tables; its undo does not survive a restore',
  import_rows:
    'the rows of an uploaded file and their outcomes (ADR 0174), kept for the rejected-rows report and undo of that upload only',
  activity_owners:
    'derived (ADR 0102): the trigger on activities lists each restored activity for its records’ owners',
  merges:
    'undo state of recent merges (ADR 0172) naming ids the restore gives anew; the audit log keeps what each merge did',
}

export const archivedTable = (name: string) => ARCHIVED_TABLES.find((t) => t.name === name)
