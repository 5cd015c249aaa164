// Prints `COMMENT ON POLICY` statements for every policy declared in db/schema, from the `why` written
// beside it. Paste the output into a new custom migration whenever policies are added or renamed;
// db/test/rls-catalog.test.ts fails while any policy lacks its comment.
//   node --import tsx db/scripts/policy-comments.ts [table …]
import { is } from 'drizzle-orm'
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core'
import { policyComments } from '../schema/_rls.ts'
import * as schema from '../schema/index.ts'

// drizzle builds a table's extra config (and so its policies) lazily: build them all first.
for (const value of Object.values(schema)) if (is(value, PgTable)) getTableConfig(value)

const only = new Set(process.argv.slice(2))
const quote = (s: string) => `'${s.replaceAll("'", "''")}'`
const lines: string[] = []
for (const { table, policy, comment } of policyComments.values()) {
  if (only.size > 0 && !only.has(table)) continue
  lines.push(`COMMENT ON POLICY "${policy}" ON "${table}" IS ${quote(comment)};`)
}
process.stdout.write(`${lines.join('--> statement-breakpoint\n')}\n`)
