// The one schema for a URL a person types and others click (an organization's website, a workspace logo,
// an avatar). Only http: and https: pass: `javascript:`, `data:` and friends become script in whoever
// clicks, so they are refused at the door rather than escaped at every place that renders them.
import { z } from '@hono/zod-openapi'

export const ZHttpUrl = z
  .url({ protocol: /^https?$/, error: 'Enter a web address starting with https:// or http://' })
  .max(2048)

/** https only: a logo or avatar served over http would be blocked as mixed content. */
export const ZHttpsUrl = ZHttpUrl.refine((u) => u.startsWith('https://'), 'Use an https:// URL')
