// Structured JSON logs, one line per event. Callers pass only non-PII fields: ids, codes, timings,
// paths without query strings. Never emails, names, tokens, session ids or passwords.
export type LogLevel = 'debug' | 'info' | 'warn' | 'error'
export type LogFields = Record<string, string | number | boolean | null | undefined>

export interface Logger {
  debug(msg: string, fields?: LogFields): void
  info(msg: string, fields?: LogFields): void
  warn(msg: string, fields?: LogFields): void
  error(msg: string, fields?: LogFields): void
  child(fields: LogFields): Logger
}

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 }

export type LogSink = (line: string) => void

// console is what both Node and Workers capture; this is the one place that writes to it.
// biome-ignore lint/suspicious/noConsole: the logger's sink
const consoleSink: LogSink = (line) => console.info(line)

export function createLogger(
  level: LogLevel = 'info',
  base: LogFields = {},
  sink: LogSink = consoleSink,
): Logger {
  const write = (lvl: LogLevel, msg: string, fields?: LogFields) => {
    if (ORDER[lvl] < ORDER[level]) return
    sink(JSON.stringify({ time: new Date().toISOString(), level: lvl, msg, ...base, ...fields }))
  }
  return {
    debug: (msg, fields) => write('debug', msg, fields),
    info: (msg, fields) => write('info', msg, fields),
    warn: (msg, fields) => write('warn', msg, fields),
    error: (msg, fields) => write('error', msg, fields),
    child: (fields) => createLogger(level, { ...base, ...fields }, sink),
  }
}
