/** Placeholder until this studio tab is built. */
export function DomainsTab() {
  return <section />;
}
