// Streaming a download as it is read: text chunks from an async generator become the response's bytes, and
// a client that goes away (cancel) ends the generator, which ends whatever transaction feeds it.

const encoder = new TextEncoder()

/** The chunks as a byte stream; cancelling the stream returns the generator. */
export function streamOf(chunks: AsyncGenerator<string>): ReadableStream<Uint8Array> {
  return new ReadableStream({
    async pull(controller) {
      const next = await chunks.next()
      if (next.done) controller.close()
      else controller.enqueue(encoder.encode(next.value))
    },
    async cancel() {
      await chunks.return(undefined)
    },
  })
}

/** A JSON array written batch by batch: memory holds one batch however many rows there are. */
export async function* jsonArray(batches: AsyncIterable<readonly unknown[]>): AsyncGenerator<string> {
  yield '['
  let first = true
  for await (const batch of batches) {
    if (batch.length === 0) continue
    yield (first ? '' : ',') + batch.map((row) => JSON.stringify(row)).join(',')
    first = false
  }
  yield ']'
}
