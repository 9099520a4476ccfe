import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { composeMail, type MailMessage } from './composeMail.js';

const MESSAGE: MailMessage = {
  to: 'eva@gemeente.test',
  subject: 'Wachtwoord herstellen — één link',
  text: 'Beste Eva,\n\nVia https://standpunt.test/wachtwoord-herstellen/xyz kies je een nieuw.',
  html: '<p>Beste Eva,</p><p><a href="https://standpunt.test/wachtwoord-herstellen/xyz">Kies</a> één nieuw.</p>',
};
const OPTIONS = {
  id: 'AbCdEfGh12345678',
  from: 'VNG Standpunt <standpunt@vng.test>',
  date: new Date('2026-03-01T10:00:00.000Z'),
};

describe('composeMail', () => {
  it('composes one RFC 5322 message with a plain-text and an HTML part', async () => {
    const mail = await composeMail(MESSAGE, OPTIONS);
    expect(mail).toMatchObject({
      id: OPTIONS.id,
      messageId: '<AbCdEfGh12345678@vng.test>',
      from: 'standpunt@vng.test',
      to: 'eva@gemeente.test',
      subject: MESSAGE.subject,
      createdAt: '2026-03-01T10:00:00.000Z',
    });
    // 7-bit, CRLF throughout: sent and stored as it is.
    expect(mail.raw).toMatch(/^[\x01-\x7f]*$/);
    expect(mail.raw.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const parsed = await simpleParser(mail.raw);
    expect(parsed.messageId).toBe(mail.messageId);
    expect(parsed.date?.toISOString()).toBe('2026-03-01T10:00:00.000Z');
    expect(parsed.from?.value).toStrictEqual([
      { name: 'VNG Standpunt', address: 'standpunt@vng.test' },
    ]);
    expect(parsed.subject).toBe(MESSAGE.subject);
    expect(parsed.text?.trim()).toBe(MESSAGE.text);
    expect(parsed.html).toBe(MESSAGE.html);
    expect(mail.raw).toMatch(/Content-Type: text\/plain; charset=utf-8/);
    expect(mail.raw).toMatch(/Content-Type: text\/html; charset=utf-8/);
  });

  it('keeps the text readable: quoted-printable, never base64', async () => {
    const mail = await composeMail({ ...MESSAGE, text: 'één twee drie vier vijf zes' }, OPTIONS);
    expect(mail.raw).not.toMatch(/Content-Transfer-Encoding: base64/);
    expect(mail.raw).toContain('=C3=A9=C3=A9n twee');
  });

  it('carries the one-click unsubscribe headers of RFC 8058 as given', async () => {
    const unsubscribe = '<https://standpunt.test/api/notifications/unsubscribe?token=abc>';
    const mail = await composeMail(
      {
        ...MESSAGE,
        headers: {
          'List-Unsubscribe': unsubscribe,
          'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
        },
      },
      OPTIONS,
    );
    const lines = (await simpleParser(mail.raw)).headerLines;
    const line = (key: string) => lines.find((each) => each.key === key)?.line;
    expect(line('list-unsubscribe')?.replace(/\r\n\s+/g, ' ')).toBe(
      `List-Unsubscribe: ${unsubscribe}`,
    );
    expect(line('list-unsubscribe-post')).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
  });

  it('refuses headers it sets itself, and values that would start another header', async () => {
    const refused: Record<string, string>[] = [
      { From: 'iemand@anders.test' },
      { 'message-id': '<x@y>' },
      { 'Content-Type': 'text/plain' },
      { 'X-Bad Name': 'x' },
    ];
    for (const headers of refused) {
      await expect(composeMail({ ...MESSAGE, headers }, OPTIONS)).rejects.toThrow(
        /cannot carry the header/,
      );
    }
    await expect(
      composeMail({ ...MESSAGE, headers: { 'X-Note': 'a\r\nBcc: b@c.test' } }, OPTIONS),
    ).rejects.toThrow(/printable ASCII on one line/);
  });

  it('goes to exactly one bare address', async () => {
    for (const to of ['a@b.test, c@d.test', 'Eva <eva@gemeente.test>', 'geen-adres', 'a@b\r\n']) {
      await expect(composeMail({ ...MESSAGE, to }, OPTIONS)).rejects.toThrow(/one bare address/);
    }
  });
});
