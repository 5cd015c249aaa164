// Creating and dropping databases for the measurement harnesses (the benchmark, Lighthouse): a client on
// the server's `postgres` database, a database made when missing, and a scratch one dropped afterwards.
import pg from 'pg'

/** A client on the server's `postgres` database, for CREATE/DROP DATABASE. */
export async function withAdmin<T>(url: string, fn: (admin: pg.Client) => Promise<T>): Promise<T> {
  const u = new URL(url)
  u.pathname = '/postgres'
  const admin = new pg.Client({ connectionString: u.toString() })
  await admin.connect()
  try {
    return await fn(admin)
  } finally {
    await admin.end()
  }
}

/** Creates the database `url` names when it does not exist yet. */
export async function ensureDatabase(url: string) {
  const name = new URL(url).pathname.slice(1)
  await withAdmin(url, async (admin) => {
    const { rowCount } = await admin.query('select 1 from pg_database where datname = $1', [name])
    if (!rowCount) await admin.query(`create database "${name.replaceAll('"', '')}"`)
  })
}

/** A new empty database `name` on the server of `base`, and how to drop it. */
export async function scratchDatabase(base: string, name: string) {
  await withAdmin(base, (admin) => admin.query(`create database ${name}`))
  const url = new URL(base)
  url.pathname = `/${name}`
  const drop = () =>
    withAdmin(base, (admin) => admin.query(`drop database if exists ${name} with (force)`)).then(
      () => undefined,
    )
  return { url: url.toString(), drop }
}
