/** Placeholder until this studio tab is built. */
export function SettingsTab() {
  return <section />;
}
