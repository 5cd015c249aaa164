import { Fragment } from 'react'
import { ExternalLink } from './external-link.tsx'

const URL_PATTERN = /(https?:\/\/[^\s<>"]+)/g

/** Plain text with its http(s) URLs turned into links (React escapes the rest). */
export function Linkified({ text }: { text: string }) {
  return (
    <>
      {text.split(URL_PATTERN).map((part, i) =>
        i % 2 === 1 ? (
          <ExternalLink
            // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed string never reorder
            key={i}
            href={part}
            className="inline-block min-h-11 break-all text-indigo-700 underline"
          />
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: as above
          <Fragment key={i}>{part}</Fragment>
        ),
      )}
    </>
  )
}
