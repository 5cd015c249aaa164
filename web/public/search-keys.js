// Global search from the keyboard on every workspace page, including the pages that ship no app JavaScript
// (a static file the root layout loads in every document; it acts only where the workspace bar is). Ctrl-K / ⌘K, or "/" outside a text
// field, goes to the search box in the bar, or to the search page where the bar has none (phones). On the
// search page, ↓ and ↑ walk from the box through the hits. Without JavaScript the box and page still work.
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
})()
