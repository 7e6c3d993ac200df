/** Placeholder until the outbox list is built. */
export function OutboxList() {
  return null;
}
