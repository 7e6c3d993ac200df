/** Placeholder until this studio tab is built. */
export function PrivacyTab() {
  return <section />;
}
