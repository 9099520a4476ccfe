/**
 * The mails that let people into their account: the invitation, and the link to choose a new
 * password. Dutch, formal ("u"), with the link written out in both parts, since some mail
 * programs of municipalities show only the text.
 */
import { organisationName } from '@standpunt/shared';
import { escapeHtml } from '../exports/escapeHtml.js';
import type { MailMessage } from './composeMail.js';

export interface AccountMailInput {
  to: string;
  name: string;
  municipality: string;
  link: string;
  /** When the link stops working. */
  expiresAt: Date;
}

const AMSTERDAM_TIME = new Intl.DateTimeFormat('nl-NL', {
  dateStyle: 'long',
  timeStyle: 'short',
  timeZone: 'Europe/Amsterdam',
});

function asHtml(paragraphs: string[], link: string, button: string): string {
  const safeLink = escapeHtml(link);
  const body = paragraphs.map((text) => `<p>${escapeHtml(text)}</p>`);
  body.splice(
    2,
    0,
    `<p><a href="${safeLink}">${escapeHtml(button)}</a></p>`,
    `<p>Werkt de knop niet? Kopieer dan dit adres in uw browser:<br>${safeLink}</p>`,
  );
  return `<!DOCTYPE html><html lang="nl"><body>${body.join('')}</body></html>`;
}

function asText(paragraphs: string[], link: string): string {
  const [greeting, lead, ...rest] = paragraphs;
  return [greeting, lead, link, ...rest].join('\n\n') + '\n';
}

export function invitationMail({
  to,
  name,
  municipality,
  link,
  expiresAt,
}: AccountMailInput): MailMessage {
  const paragraphs = [
    `Beste ${name},`,
    `Er is voor u een account aangemaakt in Standpunt, waarin gemeenten samen standpunten schrijven en erop reageren. U bent aangemeld namens ${organisationName(municipality)}. Kies via de link hieronder uw wachtwoord; daarna bent u meteen ingelogd.`,
    `De link werkt één keer en tot ${AMSTERDAM_TIME.format(expiresAt)}. Is hij verlopen, vraag dan een nieuwe aan bij uw beheerder, of via "Wachtwoord vergeten?" op de inlogpagina.`,
    `Verwachtte u deze uitnodiging niet? Dan kunt u deze e-mail negeren.`,
  ];
  return {
    to,
    subject: 'Uitnodiging voor Standpunt',
    text: asText(paragraphs, link),
    html: asHtml(paragraphs, link, 'Wachtwoord kiezen'),
  };
}

export function passwordResetMail({ to, name, link, expiresAt }: AccountMailInput): MailMessage {
  const paragraphs = [
    `Beste ${name},`,
    `Er is gevraagd om een nieuw wachtwoord voor uw account in Standpunt. Kies via de link hieronder een nieuw wachtwoord.`,
    `De link werkt één keer en tot ${AMSTERDAM_TIME.format(expiresAt)}. Na het wijzigen worden uw andere sessies beëindigd.`,
    `Heeft u dit niet zelf gevraagd? Dan kunt u deze e-mail negeren: uw wachtwoord blijft zoals het is.`,
  ];
  return {
    to,
    subject: 'Nieuw wachtwoord voor Standpunt',
    text: asText(paragraphs, link),
    html: asHtml(paragraphs, link, 'Nieuw wachtwoord kiezen'),
  };
}
