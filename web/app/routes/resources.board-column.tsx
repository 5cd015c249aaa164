// "Load more" for one board column: the next page of cards as data for the board's fetcher.
import type { LoaderFunctionArgs } from '@remix-run/node'
import { columnPage } from '~/lib/board.server.ts'
import { errorPage } from '~/lib/errors.server.ts'

export async function loader({ request, context }: LoaderFunctionArgs) {
  const p = new URL(request.url).searchParams
  const processId = p.get('process')
  const stageId = p.get('stage')
  if (!processId || !stageId) throw errorPage(400)
  return columnPage(request, context, { processId, stageId, cursor: p.get('cursor') ?? undefined })
}
