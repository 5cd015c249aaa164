// The form field a creating form's idempotency key travels in (IdempotencyKeyField → apiClient, ADR 0130).
export const IDEMPOTENCY_FIELD = 'idempotencyKey'
