// A no-JavaScript POST of "New deal" with a bad field (ADR 0150): the browser posts the plain form, the
// action parses it with the API's schema or the API refuses it, and the page the server renders back shows
// each error on its field together with what was typed. Rendered the way Remix does on the server (static
// router, loader and action for real, API on a real database), without any browser JavaScript.

import { createElement } from 'react'
import { renderToString } from 'react-dom/server'
import type { ActionFunction, LoaderFunction, RouteObject } from 'react-router-dom'
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from 'react-router-dom/server'
import { describe, expect, it } from 'vitest'
import { routeHarness } from '../../test/route-harness.ts'
import NewDeal, { action, loader } from '../routes/_app.deals.new.tsx'

const h = routeHarness('deal-form-nojs')

/** POSTs the form as a browser without JavaScript would and renders the page the server answers with. */
async function postNoJs(fields: Record<string, string>) {
  const routes: RouteObject[] = [
    // Remix types the load context as required; the static handler passes it as requestContext.
    {
      id: 'new-deal',
      path: '/deals/new',
      loader: loader as LoaderFunction,
      action: action as ActionFunction,
      Component: NewDeal,
    },
  ]
  const handler = createStaticHandler(routes)
  const request = new Request(`http://${h.ws.slug}.aura.test/deals/new`, {
    method: 'POST',
    headers: { cookie: h.ws.rep.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    // Where the deal starts, as the select sends it by default (the default process).
    body: new URLSearchParams({ startsIn: `${h.ws.defaults.defaultProcess.process.id}/`, ...fields }),
  })
  const result = await handler.query(request, { requestContext: h.context() })
  if (result instanceof Response)
    throw new Error(`answered ${result.status} ${result.headers.get('location')}`)
  const html = renderToString(
    createElement(StaticRouterProvider, {
      router: createStaticRouter(handler.dataRoutes, result),
      context: result,
      hydrate: false,
    }),
  )
  return { status: result.statusCode, html }
}

/** The input (or select) element named `name`, as rendered. */
const control = (html: string, name: string) =>
  html.match(new RegExp(`<(?:input|select|textarea)[^>]*name="${name.replace('.', '\\.')}"[^>]*>`))?.[0] ?? ''

describe('New deal without JavaScript', { timeout: 120_000 }, () => {
  it('a field the schema refuses: re-rendered with its error beside it and every typed value kept', async () => {
    const { status, html } = await postNoJs({
      name: 'Typed deal name',
      amount: '12.345',
      closeDate: '2026-03-31',
    })
    expect(status).toBe(400)
    const amount = control(html, 'amount')
    expect(amount).toContain('value="12.345"')
    expect(amount).toContain('aria-invalid="true"')
    expect(amount).toMatch(/aria-describedby="new-deal-amount-error"/)
    expect(html).toContain('<p id="new-deal-amount-error" class="text-sm text-red-700">Use a decimal amount')
    expect(control(html, 'name')).toContain('value="Typed deal name"')
    expect(control(html, 'closeDate')).toContain('value="2026-03-31"')
  })

  it('a field the API refuses: the error lands on that field, typed values kept', async () => {
    // A contact that does not exist passes the schema (a uuid) and is refused by the API on `contactId`.
    const contactId = '0b9a6a4e-7f3c-4c6e-9d5a-2f1e8b7c6d5e'
    const { status, html } = await postNoJs({ name: 'Rep deal', amount: '10', contactId })
    expect(status).toBe(422)
    expect(control(html, 'contactId')).toContain('aria-describedby="new-deal-contactId-error"')
    expect(html).toContain(
      '<p id="new-deal-contactId-error" class="text-sm text-red-700">No such contact</p>',
    )
    expect(control(html, 'name')).toContain('value="Rep deal"')
    expect(control(html, 'amount')).toContain('value="10"')
  })

  it('shows probability only on the deal page, not on New deal', async () => {
    const { html } = await postNoJs({ name: '' })
    expect(control(html, 'probability')).toBe('')
    expect(html).toContain('Enter a name')
  })
})
