/** The path of "cards[3].links[0].url: must be…", or null when the text names no field ("Line 3, column 5: …"). */
function splitError(error: string): { path: string | null; message: string } {
  const at = error.indexOf(': ');
  const path = at === -1 ? '' : error.slice(0, at);
  return /^[\w$.[\]"-]+$/.test(path) ? { path, message: error.slice(at + 2) } : { path: null, message: error };
}

/** One list item per message of a file's check, the field's path set apart as code. */
export function PathMessages({ messages }: { messages: readonly string[] }) {
  return (
    <>
      {messages.map((text, index) => {
        const { path, message } = splitError(text);
        return (
          <li key={index}>
            {path !== null && (
              <>
                <code class="error-path">{path}</code>:{' '}
              </>
            )}
            {message}
          </li>
        );
      })}
    </>
  );
}
