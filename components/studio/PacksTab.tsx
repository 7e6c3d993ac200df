/** Placeholder until this studio tab is built. */
export function PacksTab() {
  return <section />;
}
