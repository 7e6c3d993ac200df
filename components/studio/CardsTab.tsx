/** Placeholder until the card editor is built. */
export function CardsTab(_props: { params: URLSearchParams }) {
  return <section />;
}
