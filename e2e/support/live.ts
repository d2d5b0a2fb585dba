import type { Page, WebSocket } from 'playwright-core';

/**
 * Resolves once a socket the page opens from now on has received the server's `ready` frame: the
 * server has added the connection to its hub, so what it pushes from then on reaches this page.
 * Call it before the action that opens the socket (signing in, a navigation), await it before the
 * action whose result must arrive live. Waiting for this, not for a while, is what makes "it
 * arrived over the socket" a fair test on a slow machine.
 */
export function nextSocketReady(page: Page): Promise<void> {
  return new Promise((resolve) => {
    const onSocket = (socket: WebSocket) => {
      socket.on('framereceived', ({ payload }) => {
        if (typeof payload !== 'string' || !isReadyFrame(payload)) return;
        page.off('websocket', onSocket);
        resolve();
      });
    };
    page.on('websocket', onSocket);
  });
}

function isReadyFrame(payload: string): boolean {
  try {
    return (JSON.parse(payload) as { type?: unknown }).type === 'ready';
  } catch {
    return false;
  }
}
