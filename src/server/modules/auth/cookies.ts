import type { FastifyReply } from 'fastify';
import type { Config } from '../../config/env.js';

/** `__Host-` pins the cookie to this origin, over HTTPS, for the whole path (browsers treat localhost as secure). */
export function sessionCookieName(config: Config): string {
  return config.insecureCookies ? 'hearth_session' : '__Host-hearth_session';
}

export function setSessionCookie(reply: FastifyReply, config: Config, token: string): void {
  reply.setCookie(sessionCookieName(config), token, {
    httpOnly: true,
    secure: !config.insecureCookies,
    sameSite: 'strict',
    path: '/',
    maxAge: Math.floor(config.sessionAbsoluteMs / 1000),
  });
}

export function clearSessionCookie(reply: FastifyReply, config: Config): void {
  reply.clearCookie(sessionCookieName(config), {
    httpOnly: true,
    secure: !config.insecureCookies,
    sameSite: 'strict',
    path: '/',
  });
}
