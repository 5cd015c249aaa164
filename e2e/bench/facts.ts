// What the scenarios need from the measured tenant, read as the owner (outside RLS) with plain SQL, so the
// harness depends on the schema and the generator's conventions, not on the API's code.
import pg from 'pg'

export interface TenantFacts {
  tenantId: string
  slug: string
  manager: { id: string; email: string; role: 'manager' }
  /** The process with the most live deals and its size. */
  process: { id: string; deals: number }
  /** The deal read by "deal + line items": the most live lines (kept out of the write pools). */
  dealId: string
  /** The most common contact last name (matches thousands of contacts in gen-big). */
  commonName: string
  /** Two open stages of the process without required fields: moves alternate between them. */
  moveStages: [Stage, Stage]
  /** Deals in those two stages: each is moved by one client at a time. */
  moveDeals: { id: string; stageId: string }[]
  /** Other live open deals that receive line items, and priced active products to add. */
  lineDeals: string[]
  products: { id: string; sku: string; name: string; price: string }[]
  counts: { deals: number; contacts: number; tenants: number; allDeals: number }
}

export interface Stage {
  id: string
  name: string
  probability: number
}

const POOL = 400

export async function tenantFacts(url: string, slug: string): Promise<TenantFacts> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  const one = async <T extends pg.QueryResultRow>(text: string, values: unknown[] = []) => {
    const row = (await client.query<T>(text, values)).rows[0]
    if (!row) throw new Error(`bench facts: no row for ${text.slice(0, 80)}`)
    return row
  }
  const many = async <T extends pg.QueryResultRow>(text: string, values: unknown[] = []) =>
    (await client.query<T>(text, values)).rows
  try {
    const tenantId = (await one<{ id: string }>('select id from tenants where slug = $1', [slug])).id
    const email = `manager1@${slug}.aura.test`
    const manager = await one<{ id: string }>('select id from users where tenant_id = $1 and email = $2', [
      tenantId,
      email,
    ])
    const process = await one<{ id: string; n: number }>(
      `select process_id as id, count(*)::int as n from deals where tenant_id = $1 and deleted_at is null
       group by 1 order by 2 desc, 1 limit 1`,
      [tenantId],
    )
    const deal = await one<{ id: string }>(
      `select l.deal_id as id from deal_line_items l join deals d on d.tenant_id = l.tenant_id and d.id = l.deal_id
       where l.tenant_id = $1 and l.deleted_at is null and d.deleted_at is null
       group by 1 order by count(*) desc, 1 limit 1`,
      [tenantId],
    )
    const name = await one<{ name: string }>(
      `select split_part(full_name, ' ', -1) as name from contacts where tenant_id = $1 and deleted_at is null
       group by 1 order by count(*) desc, 1 limit 1`,
      [tenantId],
    )
    const stages = await many<{ id: string; name: string; probability: number }>(
      `select s.id, s.name, s.win_probability as probability from process_stages s
       left join deals d on d.tenant_id = s.tenant_id and d.stage_id = s.id and d.deleted_at is null and d.status = 'open'
       where s.tenant_id = $1 and s.process_id = $2 and s.kind = 'open' and s.required_fields = '{}'
       group by s.id order by count(d.id) desc, s.id limit 2`,
      [tenantId, process.id],
    )
    if (stages.length < 2)
      throw new Error('bench facts: the process needs two open stages without required fields')
    const [a, b] = stages as [Stage, Stage]
    const moveDeals = await many<{ id: string; stageId: string }>(
      `select id, stage_id as "stageId" from deals where tenant_id = $1 and process_id = $2
       and stage_id in ($3, $4) and status = 'open' and deleted_at is null and id <> $5 order by id limit ${POOL}`,
      [tenantId, process.id, a.id, b.id, deal.id],
    )
    const lineDeals = await many<{ id: string }>(
      `select id from deals where tenant_id = $1 and status = 'open' and deleted_at is null
       and id <> all($2::uuid[]) order by id desc limit ${POOL}`,
      [tenantId, [deal.id, ...moveDeals.map((d) => d.id)]],
    )
    const products = await many<{ id: string; sku: string; name: string; price: string }>(
      `select p.id, p.sku, p.name, b.default_price::text as price from products p
       join pricing_blueprints b on b.tenant_id = p.tenant_id and b.product_id = p.id
       where p.tenant_id = $1 and p.is_active order by p.id limit 50`,
      [tenantId],
    )
    const counts = await one<TenantFacts['counts']>(
      `select (select count(*)::int from deals where tenant_id = $1) as deals,
        (select count(*)::int from contacts where tenant_id = $1) as contacts,
        (select count(*)::int from tenants) as tenants, (select count(*)::int from deals) as "allDeals"`,
      [tenantId],
    )
    return {
      tenantId,
      slug,
      manager: { id: manager.id, email, role: 'manager' },
      process: { id: process.id, deals: process.n },
      dealId: deal.id,
      commonName: name.name,
      moveStages: [a, b],
      moveDeals,
      lineDeals: lineDeals.map((d) => d.id),
      products,
      counts,
    }
  } finally {
    await client.end()
  }
}

/** The current stage of each move deal (moves of the previous window changed them). */
export async function currentStages(url: string, ids: string[]): Promise<Map<string, string>> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    const { rows } = await client.query<{ id: string; stage_id: string }>(
      'select id, stage_id from deals where id = any($1::uuid[])',
      [ids],
    )
    return new Map(rows.map((r) => [r.id, r.stage_id]))
  } finally {
    await client.end()
  }
}
