import type { MetaFunction } from '@remix-run/node'
import { useMe } from './_app.tsx'

export const meta: MetaFunction = () => [{ title: 'Dashboard · Aura CRM' }]

export default function Dashboard() {
  const me = useMe()
  return <h1 className="text-2xl font-semibold tracking-tight">Welcome, {me.name ?? me.email}</h1>
}
