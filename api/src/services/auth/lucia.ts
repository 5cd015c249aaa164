import type { Db } from '@aura/db'
import { Lucia, TimeSpan } from 'lucia'
import { SessionAdapter, type SessionAttributes, type UserAttributes } from './session-adapter.ts'

export const SESSION_COOKIE = 'aura_session'

/**
 * 30 days of inactivity ends a session (F2.5); lucia renews it when half of that has passed.
 * No Domain attribute: the cookie goes back only to the host that set it (acme's never reaches globex).
 */
export function createLucia(db: Db, secure: boolean) {
  return new Lucia(new SessionAdapter(db), {
    sessionExpiresIn: new TimeSpan(30, 'd'),
    sessionCookie: { name: SESSION_COOKIE, expires: true, attributes: { secure, sameSite: 'lax' } },
    getSessionAttributes: (a) => a,
    getUserAttributes: (a) => a,
  })
}

export type AuraLucia = ReturnType<typeof createLucia>

declare module 'lucia' {
  interface Register {
    Lucia: AuraLucia
    DatabaseSessionAttributes: SessionAttributes
    DatabaseUserAttributes: UserAttributes
  }
}
