/** Placeholder until this studio tab is built. */
export function MentorsTab() {
  return <section />;
}
