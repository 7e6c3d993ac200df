/** Saves text as a file through the browser's downloads: an object URL on a temporary link. */
export function downloadText(text: string, fileName: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own copy once it starts; give it a moment before releasing the blob.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
