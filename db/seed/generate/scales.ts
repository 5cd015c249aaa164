// What each scale builds. A tenant's rows depend only on (seed, slug, its counts), so `--only big` builds
// exactly the big tenant that `standard` builds, and a test can ask for one tenant by group or slug.

export interface TenantSpec {
  slug: string
  /** Selects tenants with --only: 'tiny', 'small', 'tenants' (the hundred), 'big', 'xl'. */
  group: string
  users: number
  processes: number
  products: number
  organizations: number
  contacts: number
  deals: number
  /** Share of deals in the default process; the rest spread over the other processes. */
  defaultProcessShare: number
}

export type ScaleName = 'tiny' | 'small' | 'standard' | 'xl'
export const SCALES: readonly ScaleName[] = ['tiny', 'small', 'standard', 'xl']

const spec = (slug: string, group: string, counts: Omit<TenantSpec, 'slug' | 'group'>): TenantSpec => ({
  slug,
  group,
  ...counts,
})

const hundredth = (i: number) =>
  spec(`gen-${String(i).padStart(3, '0')}`, 'tenants', {
    users: 10,
    processes: 3,
    products: 50,
    organizations: 1_000,
    contacts: 5_000,
    deals: 10_000,
    defaultProcessShare: 0.7,
  })

export const BIG = spec('gen-big', 'big', {
  users: 50,
  processes: 10,
  products: 500,
  organizations: 20_000,
  contacts: 100_000,
  deals: 100_000,
  defaultProcessShare: 0.6,
})

export const XL = spec('gen-xl', 'xl', {
  users: 200,
  processes: 10,
  products: 1_000,
  organizations: 100_000,
  contacts: 500_000,
  deals: 1_000_000,
  defaultProcessShare: 0.6,
})

export function scaleTenants(scale: ScaleName): TenantSpec[] {
  switch (scale) {
    case 'tiny':
      return ['gen-tiny-a', 'gen-tiny-b'].map((slug) =>
        spec(slug, 'tiny', {
          users: 5,
          processes: 2,
          products: 20,
          organizations: 40,
          contacts: 150,
          deals: 200,
          defaultProcessShare: 0.7,
        }),
      )
    case 'small':
      return [
        spec('gen-small', 'small', {
          users: 8,
          processes: 3,
          products: 50,
          organizations: 300,
          contacts: 1_500,
          deals: 2_000,
          defaultProcessShare: 0.7,
        }),
      ]
    case 'standard':
      return [...Array.from({ length: 100 }, (_, i) => hundredth(i + 1)), BIG]
    case 'xl':
      return [...scaleTenants('standard'), XL]
  }
}

/** Tenants of a scale, narrowed by --only (group names or slugs); throws when nothing matches. */
export function selectTenants(scale: ScaleName, only?: readonly string[]): TenantSpec[] {
  const all = scaleTenants(scale)
  if (!only?.length) return all
  const chosen = all.filter((t) => only.includes(t.group) || only.includes(t.slug))
  if (!chosen.length) throw new Error(`--only ${only.join(',')} matches no tenant of scale ${scale}`)
  return chosen
}
