// CSV imports (issue 15, ADR 0174): a file's mapping (guessed, corrected), per-cell errors in the preview,
// each duplicate mode, the rejected-rows report, undo of a whole import, encodings, and what a rep's import
// may not do (own records of others, touch records they cannot see).
import type { z } from '@hono/zod-openapi'
import { expect } from 'vitest'
import {
  call,
  fields,
  it,
  type Member,
  present,
  send,
  type Workspace,
  ZRefusal,
} from '../../../test/fixtures.ts'
import { ZContact } from '../contacts/contacts.schemas.ts'
import { ZImport } from './imports.routes.ts'

type Import = z.infer<typeof ZImport>

const upload = async (
  ws: Workspace,
  who: Member,
  body: string | Uint8Array<ArrayBuffer>,
  entity = 'contact',
  name = 'people.csv',
) => {
  const form = new FormData()
  form.set('entity', entity)
  form.set('file', new Blob([body], { type: 'text/csv' }), name)
  return call(ws, who, '/imports', { method: 'POST', body: form }, ZImport)
}

/** Starts (after an optional mapping/mode change) and waits for the background run to finish. */
async function run(
  ws: Workspace,
  who: Member,
  id: string,
  change?: Record<string, unknown>,
): Promise<Import> {
  if (change) expect((await call(ws, who, `/imports/${id}`, send('PATCH', change), ZImport)).status).toBe(200)
  expect((await call(ws, who, `/imports/${id}/start`, send('POST'), ZImport)).status).toBe(202)
  return settle(ws, who, id, 'done')
}

async function settle(ws: Workspace, who: Member, id: string, status: string): Promise<Import> {
  for (let i = 0; i < 200; i++) {
    const imp = (await call(ws, who, `/imports/${id}`, undefined, ZImport)).body
    if (imp.status === status) return imp
    await new Promise((r) => setTimeout(r, 50))
  }
  throw new Error(`import ${id} never reached ${status}`)
}

const contactsNamed = async (ws: Workspace, who: Member, q: string) =>
  (await call(ws, who, `/contacts?q=${encodeURIComponent(q)}`, undefined, ZRefusal)).body.data as z.infer<
    typeof ZContact
  >[]

it('guesses the mapping, shows per-cell errors, imports, reports rejected rows and undoes it all', async ({
  ws,
}) => {
  const existing = await call(
    ws,
    ws.admin,
    '/contacts',
    send('POST', { firstName: 'Ada', lastName: 'Old', email: 'ada@example.com', title: 'CTO' }),
    ZContact,
  )
  const file = [
    'Full Name,E-mail Address,Phone,Job Title,Notes',
    'Ada Lovelace,ADA@example.com,+44 20 7946 0001,Countess,first',
    'Grace Hopper,grace@example.com,,Rear Admiral,',
    'Bad Phone,bad@example.com,call me maybe,,',
    ',nobody@example.com,,,no name',
    'Alan Turing,alan@example.com,,,',
  ].join('\r\n')
  const up = await upload(ws, ws.admin, file)
  expect(up.status).toBe(201)
  const imp = up.body
  expect(imp).toMatchObject({ totalRows: 5, encoding: 'utf-8', delimiter: ',', status: 'uploaded' })
  expect(imp.mapping).toEqual(['fullName', 'email', 'phone', 'title', null])
  expect(imp.preview.map((p) => p.action)).toEqual(['skip', 'create', 'reject', 'reject', 'create'])
  const badPhone = present(imp.preview[2])
  expect(badPhone.errors).toEqual([expect.objectContaining({ column: 2, field: 'phone' })])
  expect(present(imp.preview[3]).errors).toEqual([expect.objectContaining({ field: 'firstName' })])

  // Corrected: ignore the phone column, update duplicates.
  const done = await run(ws, ws.admin, imp.id, {
    mapping: ['fullName', 'email', null, 'title', null],
    dedupeMode: 'update',
  })
  expect(done.counts).toEqual({ created: 3, updated: 1, skipped: 0, rejected: 1 })
  const ada = (await call(ws, ws.admin, `/contacts/${existing.body.id}`, undefined, ZContact)).body
  expect(ada).toMatchObject({ firstName: 'Ada', lastName: 'Lovelace', title: 'Countess' })
  expect((await contactsNamed(ws, ws.admin, 'Grace Hopper')).map((c) => c.email)).toEqual([
    'grace@example.com',
  ])

  const report = await ws.as(ws.admin, `/imports/${imp.id}/rejected`)
  expect(report.headers.get('content-type')).toMatch(/^text\/csv/)
  expect(await report.text()).toBe(
    'Full Name,E-mail Address,Phone,Job Title,Notes,Row,Reason\r\n,nobody@example.com,,,no name,4,firstName: Enter a first name\r\n',
  )

  expect((await call(ws, ws.admin, `/imports/${imp.id}/undo`, send('POST'), ZImport)).status).toBe(202)
  await settle(ws, ws.admin, imp.id, 'undone')
  expect(await contactsNamed(ws, ws.admin, 'Grace Hopper')).toEqual([])
  expect(await contactsNamed(ws, ws.admin, 'Alan Turing')).toEqual([])
  const back = (await call(ws, ws.admin, `/contacts/${existing.body.id}`, undefined, ZContact)).body
  expect(back).toMatchObject({ firstName: 'Ada', lastName: 'Old', title: 'CTO' })
  expect((await call(ws, ws.admin, `/imports/${imp.id}/undo`, send('POST'), ZRefusal)).status).toBe(409)
})

it('each duplicate mode: skip keeps, update changes, create refuses a second live e-mail; repeats in a file are skipped', async ({
  ws,
}) => {
  await call(ws, ws.admin, '/contacts', send('POST', { firstName: 'Kept', email: 'k@example.com' }), ZContact)
  const file = 'First name,Email,Title\nNew,k@example.com,Boss\nOnce,o@example.com,A\nTwice,O@example.com,B\n'
  const skip = await run(ws, ws.admin, (await upload(ws, ws.admin, file)).body.id)
  expect(skip.counts).toEqual({ created: 1, updated: 0, skipped: 2, rejected: 0 })
  const [kept] = await contactsNamed(ws, ws.admin, 'k@example.com')
  expect(kept).toMatchObject({ firstName: 'Kept', title: null })
  const create = await run(ws, ws.admin, (await upload(ws, ws.admin, file)).body.id, { dedupeMode: 'create' })
  expect(create.counts).toEqual({ created: 0, updated: 0, skipped: 0, rejected: 3 })
  const update = await run(ws, ws.admin, (await upload(ws, ws.admin, file)).body.id, { dedupeMode: 'update' })
  expect(update.counts).toEqual({ created: 0, updated: 2, skipped: 1, rejected: 0 })
  expect((await contactsNamed(ws, ws.admin, 'k@example.com'))[0]).toMatchObject({
    firstName: 'New',
    title: 'Boss',
  })
})

it("a rep's import owns only their records and never touches a colleague's", async ({ ws }) => {
  const managers = await call(
    ws,
    ws.manager,
    '/contacts',
    send('POST', { firstName: 'Theirs', email: 'm@example.com', title: 'Kept' }),
    ZContact,
  )
  const file = `Name,Email,Title,Owner\nMine,mine@example.com,,\nSteal,m@example.com,Changed,\nGift,gift@example.com,,${ws.manager.email}\n`
  const up = await upload(ws, ws.rep, file)
  expect(up.body.mapping).toEqual(['fullName', 'email', 'title', 'owner'])
  const done = await run(ws, ws.rep, up.body.id, { dedupeMode: 'update' })
  expect(done.counts).toEqual({ created: 1, updated: 0, skipped: 0, rejected: 2 })
  const report = await (await ws.as(ws.rep, `/imports/${up.body.id}/rejected`)).text()
  expect(report).toContain('A contact with this email already exists')
  expect(report).toContain('owner: Only managers and admins may import records for someone else')
  expect((await call(ws, ws.manager, `/contacts/${managers.body.id}`, undefined, ZContact)).body.title).toBe(
    'Kept',
  )
  const [mine] = await contactsNamed(ws, ws.rep, 'mine@example.com')
  expect(mine?.assignedUserId).toBe(ws.rep.id)
  // Someone else's import is not there at all.
  expect((await call(ws, ws.manager, `/imports/${up.body.id}`, undefined, ZRefusal)).status).toBe(404)
})

it('reads UTF-8 with a BOM, Windows-1252 with semicolons, and refuses what is not a CSV file', async ({
  ws,
}) => {
  const bom = await upload(ws, ws.admin, `\uFEFFPrénom;Nom;E-mail\nZoë;Müller;zoe@example.com\n`)
  expect(bom.body).toMatchObject({
    encoding: 'utf-8-bom',
    delimiter: ';',
    columns: ['Prénom', 'Nom', 'E-mail'],
  })
  expect(bom.body.mapping).toEqual(['firstName', 'lastName', 'email'])
  const cp1252 = Uint8Array.from(
    [...'First name;Last name\n']
      .map((c) => c.charCodeAt(0))
      .concat([0x4a, 0xf6, 0x72, 0x67, 0x3b, 0x80, 0x0a]),
  )
  const win = await upload(ws, ws.admin, cp1252)
  expect(win.body).toMatchObject({ encoding: 'windows-1252', delimiter: ';' })
  expect(win.body.preview[0]?.cells).toEqual(['Jörg', '€'])
  const binary = await upload(ws, ws.admin, Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x0a]))
  expect(binary.status).toBe(400)
  expect(fields(binary.body as never)).toEqual(['file'])
  const empty = await upload(ws, ws.admin, 'First name,Email\n')
  expect(empty.status).toBe(400)
  const wrong = await call(
    ws,
    ws.admin,
    `/imports/${bom.body.id}`,
    send('PATCH', { mapping: ['email'] }),
    ZRefusal,
  )
  expect(wrong.status).toBe(400)
  const twice = await call(
    ws,
    ws.admin,
    `/imports/${bom.body.id}`,
    send('PATCH', { mapping: ['email', 'email', null] }),
    ZImport,
  )
  expect(twice.body.mappingErrors.map((e) => e.field).sort()).toEqual(['mapping', 'mapping.1'])
  expect((await call(ws, ws.admin, `/imports/${bom.body.id}/start`, send('POST'), ZRefusal)).status).toBe(400)
})

it('organizations match by website domain, else by name', async ({ ws }) => {
  await call(
    ws,
    ws.admin,
    '/organizations',
    send('POST', { name: 'Acme Inc', website: 'https://www.acme.com/about' }),
    ZRefusal,
  )
  const file =
    'Company,Website,Industry\nACME Corporation,http://acme.com,Anvils\nGlobex,,Energy\nglobex,,Other\n'
  const up = await upload(ws, ws.admin, file, 'organization', 'orgs.csv')
  expect(up.body.mapping).toEqual(['name', 'website', 'industry'])
  const done = await run(ws, ws.admin, up.body.id, { dedupeMode: 'update' })
  expect(done.counts).toEqual({ created: 1, updated: 1, skipped: 1, rejected: 0 })
})

it('the first row of a record wins across batches, so undo gives back the original values', async ({
  ws,
}) => {
  const kept = await call(
    ws,
    ws.admin,
    '/contacts',
    send('POST', { firstName: 'Original', email: 'same@example.com', title: 'Before' }),
    ZContact,
  )
  const rows = ['First name,Email,Title', 'First,same@example.com,One']
  for (let i = 2; i < 700; i++) rows.push(`P${i},p${i}@example.com,`)
  rows.push('Last,SAME@example.com,Two')
  const done = await run(ws, ws.admin, (await upload(ws, ws.admin, rows.join('\n'))).body.id, {
    dedupeMode: 'update',
  })
  expect(done.counts).toEqual({ created: 698, updated: 1, skipped: 1, rejected: 0 })
  expect((await call(ws, ws.admin, `/contacts/${kept.body.id}`, undefined, ZContact)).body).toMatchObject({
    firstName: 'First',
    title: 'One',
  })
  expect((await call(ws, ws.admin, `/imports/${done.id}/undo`, send('POST'), ZImport)).status).toBe(202)
  await settle(ws, ws.admin, done.id, 'undone')
  expect((await call(ws, ws.admin, `/contacts/${kept.body.id}`, undefined, ZContact)).body).toMatchObject({
    firstName: 'Original',
    title: 'Before',
  })
})
