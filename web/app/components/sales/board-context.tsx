import { createContext, useContext } from 'react'

export interface BoardApi {
  processId: string
  stages: { stageId: string; name: string }[]
  /** The workspace's currency: every deal is in it (migration 0007), so cards do not repeat it. */
  currency: string
  /** Moves a deal through a fetcher (JS on); `focus` brings keyboard focus back to the moved card. */
  move: (dealId: string, dealName: string, stageId: string, focus: boolean) => void
  focusId: string | null
  /** Says a finished move in the live region (once per result). */
  announce: (result: MoveResult) => void
}

export const BoardContext = createContext<BoardApi | null>(null)

export function useBoard(): BoardApi {
  const board = useContext(BoardContext)
  if (!board) throw new Error('useBoard outside the board')
  return board
}

/** What the board action answers; `moveError` names the fields a stage requires (F11.7). */
export interface MoveResult {
  ok?: boolean
  dealId: string
  stageName?: string
  moveError?: { title: string; fields: string[] }
}
