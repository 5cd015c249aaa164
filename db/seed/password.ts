// Seeds and tests hash passwords exactly as the API does (docs/decisions/0003-password-hashing.md).
export { hashPassword, verifyPassword } from '../passwords.ts'
