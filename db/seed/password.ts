// Seeds and tests hash through the same function the API uses, so demo credentials log in.
export { hashPassword, verifyPassword } from '../passwords.ts'
