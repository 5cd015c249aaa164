import { type Db, schema, withPlatform } from '@aura/db'
import { and, eq, isNull } from 'drizzle-orm'
import { notFound } from '../../lib/problem.ts'
import { recordPlatformAudit } from '../audit/record-audit.ts'
import { toAccount } from './list-accounts.ts'

export interface SignContractInput {
  accountId: string
  actorUserId: string
  requestId?: string
}

/** F1.3: the ops team records that the account's contract is signed. Signing twice changes nothing. */
export async function signContract(db: Db, input: SignContractInput) {
  const { users } = schema
  return withPlatform(
    db,
    'platform-console',
    async (tx) => {
      const [account] = await tx
        .select()
        .from(users)
        .where(and(eq(users.id, input.accountId), isNull(users.tenantId), eq(users.isPlatformAdmin, false)))
        .for('update')
      if (!account) throw notFound('Account')
      if (account.contractStatus === 'signed') return toAccount(account)
      const [signed] = await tx
        .update(users)
        .set({ contractStatus: 'signed', contractSignedAt: new Date() })
        .where(eq(users.id, account.id))
        .returning()
      if (!signed) throw notFound('Account')
      await recordPlatformAudit(tx, {
        action: 'account.contract_signed',
        actorUserId: input.actorUserId,
        targetUserId: account.id,
        requestId: input.requestId,
      })
      return toAccount(signed)
    },
    input.actorUserId,
  )
}
