/** Placeholder until this studio tab is built. */
export function GapsTab() {
  return <section />;
}
