// Small enhancements for the pages that ship no app JavaScript (most of them: `handle.hydrate = false`),
// a static file the root layout loads in every workspace document. Everything here is optional: without
// JavaScript the same forms and links work, only less conveniently.
//  1. Global search from the keyboard (Ctrl-K / ⌘K, or "/" outside a text field) goes to the search box in
//     the bar, or to the search page where the bar has none (phones); on the search page ↓ and ↑ walk from
//     the box through the hits.
//  2. Pending state: a form sent by the browser (not by a hydrated page's router) is marked aria-busy and
//     its submit button disabled until the next page, so a second tap does not send it twice; a page
//     restored from the back/forward cache, or still there after 8 s (a download), is usable again.
//  3. List filters: an `input[data-list-filter="<id>"]`, hidden until this script reveals it, hides the items
//     of list <id> whose text does not contain what is typed (the product picker on the deal page).
;(() => {
  const typing = (el) =>
    el instanceof HTMLElement && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName))
  const openSearch = (e) => {
    e.preventDefault()
    const box = document.getElementById('global-search')
    if (box && box.offsetParent !== null) {
      box.focus()
      box.select()
    } else if (location.pathname !== '/search') location.assign('/search')
    else document.getElementById('search-q')?.focus()
  }
  const walk = (e) => {
    const hits = Array.from(document.querySelectorAll('[data-search-hit]'))
    const box = document.getElementById('search-q')
    const at = hits.indexOf(document.activeElement)
    if (hits.length === 0 || (at === -1 && document.activeElement !== box)) return
    e.preventDefault()
    const next = e.key === 'ArrowDown' ? at + 1 : at - 1
    if (next < 0) box?.focus()
    else hits[Math.min(next, hits.length - 1)].focus()
  }
  document.addEventListener('keydown', (e) => {
    if (!document.querySelector('[data-workspace-nav]')) return // signed-out pages, the operator console
    const plain = !e.ctrlKey && !e.metaKey && !e.altKey
    if ((e.key === 'k' && (e.ctrlKey || e.metaKey)) || (e.key === '/' && plain && !typing(e.target)))
      openSearch(e)
    else if ((e.key === 'ArrowDown' || e.key === 'ArrowUp') && plain) walk(e)
  })

  document.addEventListener('submit', (e) => {
    const form = e.target
    if (!(form instanceof HTMLFormElement)) return
    // After every listener ran: a hydrated page's router prevents the default and shows its own state.
    // Disabling later than the event also keeps the button's name and value in what is sent.
    setTimeout(() => {
      if (e.defaultPrevented) return
      form.setAttribute('aria-busy', 'true')
      const button = e.submitter
      if (button instanceof HTMLButtonElement) {
        button.disabled = true
        button.setAttribute('data-pending', '')
      }
      // Still here after a while: the answer was a download (an export), or the network is gone.
      setTimeout(settle, 8000)
    }, 0)
  })
  const settle = () => {
    for (const form of document.querySelectorAll('form[aria-busy="true"]')) form.removeAttribute('aria-busy')
    for (const button of document.querySelectorAll('button[data-pending]')) {
      button.disabled = false
      button.removeAttribute('data-pending')
    }
  }
  window.addEventListener('pageshow', (e) => {
    if (e.persisted) settle()
  })

  const filterLists = () => {
    for (const input of document.querySelectorAll('input[data-list-filter]')) {
      const list = document.getElementById(input.dataset.listFilter)
      const box = input.closest('[hidden]')
      if (!list || !box) continue
      box.hidden = false
      // Enter filters, it does not send the form (its first button would add the first product).
      input.addEventListener('keydown', (e) => {
        if (e.key === 'Enter') e.preventDefault()
      })
      input.addEventListener('input', () => {
        const wanted = input.value.trim().toLowerCase()
        for (const item of list.children)
          item.hidden = wanted !== '' && !item.textContent.toLowerCase().includes(wanted)
      })
    }
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', filterLists)
  else filterLists()
})()
