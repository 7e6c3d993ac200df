/** Placeholder until "My flags" is built. */
export function MyFlags() {
  return null;
}
