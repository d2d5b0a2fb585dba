import { expect } from 'vitest';
import type { SpacePost } from '../../../shared/schemas/space.js';
import { call, type Session } from '../../testing/fixtures.js';
import type { TestApp } from '../../testing/test-app.js';

/** Posts as `session` to a group's space (the chat unless a thread is named), expecting 201; the post as stored. */
export async function sayInSpace(t: TestApp, session: Session, groupId: string, text: string, thread = 'chat', extra: Record<string, unknown> = {}): Promise<SpacePost> {
  const response = await call(t.app, session, 'POST', `/api/space/groups/${groupId}/posts`, { thread, text, ...extra });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as SpacePost;
}

/** A group's chat as `session` sees it, expecting 200. */
export async function readChat(t: TestApp, session: Session, groupId: string): Promise<SpacePost[]> {
  const response = await call(t.app, session, 'GET', `/api/space/groups/${groupId}/posts?thread=chat`);
  expect(response.statusCode, response.body).toBe(200);
  return (response.json() as { posts: SpacePost[] }).posts;
}
