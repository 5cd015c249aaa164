/** The white, bordered box that groups one part of a page (a form, a summary, a list). */
export const cardClass = 'rounded-md border border-slate-200 bg-white p-4'
