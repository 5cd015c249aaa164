/** What the Node entry hands createApp to shed load (middleware/shed-load.ts implements and applies it). */
export interface LoadGauge {
  /** Resolves true when the request may run (it must then leave()), false when it is refused. */
  enter(): Promise<boolean> | boolean
  leave(): void
  /** Seconds a refused client should wait. */
  retryAfterSeconds: number
}
