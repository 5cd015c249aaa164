// The board's enhancements (ADR 0166): the board is a static page, rendered whole by the server, and this
// file, loaded deferred on the board alone (its route's `handle.scripts`), makes it quicker to work. Without
// it every move is the card's Move… link and form, and "Show more" a link to the column's next page.
//  1. Moves without a page load: a card dragged onto another column, or its Move… form (cloned from the
//     board's <template>, opened in place) sent with fetch to /resources/board-move, the board action's
//     move as JSON. The card goes to its new column at once, dimmed (aria-busy) until the answer; a refusal
//     puts it back with the reason (the board's other template). The live region says each step. Column
//     counts and totals come from the server: the board's HTML is fetched again and its headers taken,
//     so no money is ever added up here.
//  2. "Show more" fetches the link's own page (the no-JavaScript one) and appends that column's cards and
//     its next "Show more" in place; a card already on the board (moved here meanwhile) is not repeated.
;(() => {
  const board = document.querySelector('[data-board]')
  if (!board) return
  const status = board.querySelector('[data-board-status]')
  const say = (text) => {
    status.textContent = text
  }
  const columnOf = (stageId) => board.querySelector(`section[data-stage-id="${CSS.escape(stageId)}"]`)
  const stageName = (column) => column.querySelector('h2').textContent
  const fromTemplate = (name) =>
    board.querySelector(`template[data-template="${name}"]`).content.firstElementChild.cloneNode(true)
  const parse = async (res) => new DOMParser().parseFromString(await res.text(), 'text/html')

  // Headers (count · total) as the server has them now. Only the newest refresh may write: an older one
  // that answers last would bring back counts from before a later move.
  let refreshes = 0
  const refreshHeaders = async () => {
    const mine = ++refreshes
    const res = await fetch(location.href, { headers: { accept: 'text/html' } })
    if (!res.ok) return
    const fresh = await parse(res)
    if (mine !== refreshes) return
    for (const header of fresh.querySelectorAll('section[data-stage-id] > header')) {
      const column = columnOf(header.parentElement.dataset.stageId)
      column?.querySelector(':scope > header').replaceWith(document.importNode(header, true))
    }
  }

  const showRefusal = (card, moveError) => {
    const alert = fromTemplate('move-error')
    alert.querySelector('[data-slot="title"]').textContent = moveError.title
    alert.querySelector('[data-slot="fill"]').textContent = moveError.labels
      ? `: fill in ${moveError.labels}`
      : ''
    alert.querySelector('a').href = `/deals/${card.dataset.dealId}`
    card.querySelector('[data-move-open]').before(alert)
  }

  const send = async (dealId, stageId) => {
    const body = new FormData()
    body.set('dealId', dealId)
    body.set('stageId', stageId)
    try {
      const res = await fetch('/resources/board-move', {
        method: 'POST',
        body,
        headers: { accept: 'application/json' },
      })
      if (res.headers.get('content-type')?.includes('application/json')) return await res.json()
    } catch {}
    // Signed out meanwhile (a login page), or no network: nothing was moved that we know of.
    return { dealId, moveError: { title: 'the server did not answer', labels: '' } }
  }

  const move = async (card, stageId, { focus }) => {
    const from = card.closest('section[data-stage-id]')
    const to = columnOf(stageId)
    if (!to || to === from) return
    const name = card.dataset.dealName
    const [list, next] = [card.parentElement, card.nextElementSibling]
    card.querySelector('[data-move-error]')?.remove()
    to.querySelector('ul').prepend(card)
    card.setAttribute('aria-busy', 'true')
    say(`Moving ${name} to ${stageName(to)}…`)
    const result = await send(card.dataset.dealId, stageId)
    card.removeAttribute('aria-busy')
    if (result.ok) {
      say(`Moved ${name} to ${result.stageName}.`)
      refreshHeaders().catch(() => {})
    } else {
      list.insertBefore(card, next?.parentElement === list ? next : null)
      showRefusal(card, result.moveError)
      say(`${name} was not moved: ${result.moveError.title}.`)
    }
    if (focus) card.querySelector('[data-deal-link]').focus()
  }

  // Drag and drop: any card onto any other column.
  board.addEventListener('dragstart', (e) => {
    const card = e.target.closest?.('li[data-deal-id]')
    if (!card) return
    e.dataTransfer.setData('text/plain', card.dataset.dealId)
    e.dataTransfer.effectAllowed = 'move'
  })
  board.addEventListener('dragover', (e) => {
    const column = e.target.closest?.('section[data-stage-id]')
    if (!column) return
    e.preventDefault()
    column.setAttribute('data-drop-over', '')
  })
  board.addEventListener('dragleave', (e) => {
    const column = e.target.closest?.('section[data-stage-id]')
    if (column && !column.contains(e.relatedTarget)) column.removeAttribute('data-drop-over')
  })
  board.addEventListener('drop', (e) => {
    const column = e.target.closest?.('section[data-stage-id]')
    if (!column) return
    e.preventDefault()
    column.removeAttribute('data-drop-over')
    const id = e.dataTransfer.getData('text/plain')
    const card = id && board.querySelector(`li[data-deal-id="${CSS.escape(id)}"]`)
    if (card) move(card, column.dataset.stageId, { focus: false })
  })

  // The Move… form in place: the keyboard's and a phone's way to move a card.
  const closeForm = (card) => {
    card.querySelector('form[data-move-form]')?.remove()
    const open = card.querySelector('[data-move-open]')
    open.hidden = false
    return open
  }
  const openForm = (card) => {
    const form = fromTemplate('move-form')
    const { dealId, dealName } = card.dataset
    form.elements.dealId.value = dealId
    const select = form.elements.stageId
    select.id = `move-${dealId}`
    select.value = card.closest('section[data-stage-id]').dataset.stageId
    const label = form.querySelector('label')
    label.htmlFor = select.id
    label.textContent = `Stage for ${dealName}`
    form.querySelector('button[type="submit"]').setAttribute('aria-label', `Move ${dealName}`)
    const cancel = new URL(location.href)
    cancel.searchParams.delete('move')
    form.querySelector('[data-move-cancel]').href = cancel.search || '?'
    const open = card.querySelector('[data-move-open]')
    open.hidden = true
    open.after(form)
    select.focus()
  }
  board.addEventListener('click', (e) => {
    const link = e.target.closest?.('a[data-move-open], a[data-move-cancel], a[data-show-more]')
    if (!link || e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return
    e.preventDefault()
    const card = link.closest('li[data-deal-id]')
    if (link.matches('[data-move-open]')) openForm(card)
    else if (link.matches('[data-move-cancel]')) closeForm(card).focus()
    else showMore(link)
  })
  board.addEventListener('submit', (e) => {
    const form = e.target.closest('form[data-move-form]')
    if (!form) return
    e.preventDefault()
    const card = form.closest('li[data-deal-id]')
    const stageId = form.elements.stageId.value
    closeForm(card)
    if (stageId === card.closest('section[data-stage-id]').dataset.stageId)
      card.querySelector('[data-move-open]').focus()
    else move(card, stageId, { focus: true })
  })

  // "Show more" in place: the link's own page, this column's part of it.
  const showMore = async (link) => {
    if (link.getAttribute('aria-busy')) return
    const column = link.closest('section[data-stage-id]')
    const label = link.textContent
    link.setAttribute('aria-busy', 'true')
    link.textContent = 'Loading…'
    try {
      const res = await fetch(link.href, { headers: { accept: 'text/html' } })
      if (!res.ok) throw new Error(String(res.status))
      const page = (await parse(res)).querySelector(
        `section[data-stage-id="${CSS.escape(column.dataset.stageId)}"]`,
      )
      const list = column.querySelector('ul')
      const added = []
      for (const card of page.querySelectorAll('li[data-deal-id]')) {
        if (board.querySelector(`li[data-deal-id="${CSS.escape(card.dataset.dealId)}"]`)) continue
        const mine = document.importNode(card, true)
        list.append(mine)
        added.push(mine)
      }
      const nextLink = page.querySelector('a[data-show-more]')
      link.removeAttribute('aria-busy')
      if (nextLink) {
        link.href = nextLink.getAttribute('href')
        link.textContent = label
      } else {
        // The column is complete: focus goes on to its first new card rather than to the page's start.
        link.remove()
        added[0]?.querySelector('[data-deal-link]').focus()
      }
    } catch {
      location.assign(link.href) // the page this link always was
    }
  }

  // Cards become draggable as a pointer takes one (mouse, or a finger's long press), not all at start:
  // touching every card's attributes on load showed as a long task in Lighthouse's 4× slowed CPU.
  board.setAttribute('data-draggable-cards', '')
  board.addEventListener('pointerdown', (e) => {
    const card = e.target.closest?.('li[data-deal-id]')
    if (card) card.draggable = true
  })
  // A card opened by its ?move= link (a reload, a shared link): its select, as the user asked to move.
  board.querySelector('form[data-move-form] select')?.focus()
})()
