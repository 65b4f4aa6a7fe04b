/** How long the fallback frame stays in the page: print() returns before the dialog's job is done in some browsers. */
const FRAME_LINGER_MS = 60_000;

/**
 * Opens a standalone HTML document (no scripts) in a new tab and asks the browser to print
 * it, so the moderator also keeps it on screen. When popups are blocked, prints it from a
 * hidden frame instead. Returns where it went.
 */
export function printDocument(html: string): 'window' | 'frame' {
  const win = window.open('', '_blank');
  if (win) {
    win.document.open();
    win.document.write(html);
    win.document.close();
    win.focus();
    win.print();
    return 'window';
  }
  printInFrame(html);
  return 'frame';
}

function printInFrame(html: string): void {
  const frame = document.createElement('iframe');
  frame.setAttribute('aria-hidden', 'true');
  frame.tabIndex = -1;
  frame.style.cssText = 'position:fixed;right:0;bottom:0;width:0;height:0;border:0;visibility:hidden';
  frame.addEventListener('load', () => {
    frame.contentWindow?.focus();
    frame.contentWindow?.print();
    setTimeout(() => frame.remove(), FRAME_LINGER_MS);
  });
  frame.srcdoc = html;
  document.body.appendChild(frame);
}
