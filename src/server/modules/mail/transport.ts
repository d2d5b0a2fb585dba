import nodemailer from 'nodemailer';
import type { MailTransport } from './deliver-mail.js';

/** An SMTP transport from the service's HEARTH_SMTP_URL (pooled, TLS as the URL says). */
export function smtpTransport(url: string): MailTransport {
  return nodemailer.createTransport(url);
}
