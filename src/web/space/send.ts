import type { ServerFrame } from '../../shared/schemas/space';
import { ApiError } from '../api/client';
import { sendPostHttp, type SpacePost } from './api';
import { realtime } from './realtime';

const ACK_TIMEOUT_MS = 8000;

/**
 * Sends over the socket and waits for its ack; without a socket, or without an answer in time,
 * sends the same clientId over HTTP, which the server answers with the stored post rather than a
 * second copy.
 */
export async function sendPost(groupId: string, thread: string, text: string): Promise<SpacePost> {
  const clientId = crypto.randomUUID();
  const viaSocket = new Promise<SpacePost | null>((resolve, reject) => {
    let off = () => {};
    const timer = setTimeout(() => {
      off();
      resolve(null);
    }, ACK_TIMEOUT_MS);
    off = realtime.on((frame: ServerFrame) => {
      if (frame.type === 'ack' && frame.clientId === clientId) {
        clearTimeout(timer);
        off();
        resolve(frame.post);
      } else if (frame.type === 'error' && frame.clientId === clientId) {
        clearTimeout(timer);
        off();
        reject(new ApiError(frame.code === 'rate_limited' ? 429 : 422, frame.code, frame.message, undefined, frame.details ?? []));
      }
    });
    if (!realtime.sendFrame({ type: 'post', groupId, thread, clientId, text })) {
      clearTimeout(timer);
      off();
      resolve(null);
    }
  });
  return (await viaSocket) ?? sendPostHttp(groupId, { thread, text, clientId });
}
