import { describe, expect, it } from 'vitest';
import { configFromEnv } from '../config.js';
import { describeSmtp, publicLink } from './mailSettings.js';

describe('STANDPUNT_SMTP_URL', () => {
  it('is unset by default: mail is then written as .eml files', () => {
    expect(configFromEnv({}).smtpUrl).toBeUndefined();
    expect(configFromEnv({ STANDPUNT_SMTP_URL: '' }).smtpUrl).toBeUndefined();
  });

  it('takes smtp:// and smtps:// URLs, a login included', () => {
    for (const url of ['smtp://mail.gemeente.test:587', 'smtps://user:p%40ss@mail.test:465']) {
      expect(configFromEnv({ STANDPUNT_SMTP_URL: url }).smtpUrl).toBe(url);
    }
  });

  it('refuses anything else without ever repeating the password', () => {
    const password = 'Zeer-Geheim-42';
    for (const value of [
      `http://user:${password}@mail.test`,
      `smtp://user:${password}@mail.test:notaport`,
      `user:${password}@mail.test:465`,
      `smtps://user:${password}@`,
    ]) {
      let message = '';
      try {
        configFromEnv({ STANDPUNT_SMTP_URL: value });
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).toMatch(/^STANDPUNT_SMTP_URL must be smtp:\/\/host:port or smtps:\/\//);
      expect(message).not.toContain(password);
    }
  });

  it('is shown in logs by scheme, host and port only', () => {
    expect(describeSmtp('smtps://user:geheim@mail.test')).toBe('smtps://mail.test:465');
    expect(describeSmtp('smtp://mail.test:2525')).toBe('smtp://mail.test:2525');
  });
});

describe('STANDPUNT_MAIL_FROM', () => {
  it('defaults to Standpunt at localhost', () => {
    expect(configFromEnv({}).mailFrom).toBe('Standpunt <standpunt@localhost>');
  });

  it('takes one address, with or without a name', () => {
    for (const from of ['VNG Standpunt <standpunt@vng.test>', 'standpunt@vng.test']) {
      expect(configFromEnv({ STANDPUNT_MAIL_FROM: from }).mailFrom).toBe(from);
    }
  });

  it('refuses no address, two, or a line break', () => {
    for (const from of ['Standpunt', 'a@b.test, c@d.test', 'a@b.test\r\nBcc: x@y.test']) {
      expect(() => configFromEnv({ STANDPUNT_MAIL_FROM: from })).toThrow(
        /^STANDPUNT_MAIL_FROM must be one address/,
      );
    }
  });
});

describe('STANDPUNT_PUBLIC_URL', () => {
  it('defaults to localhost on the configured port', () => {
    expect(configFromEnv({}).publicUrl).toBe('http://localhost:3000');
    expect(configFromEnv({ PORT: '8080' }).publicUrl).toBe('http://localhost:8080');
  });

  it('is kept without a trailing slash, a path included', () => {
    expect(configFromEnv({ STANDPUNT_PUBLIC_URL: 'https://standpunt.vng.test/' }).publicUrl).toBe(
      'https://standpunt.vng.test',
    );
    expect(
      configFromEnv({ STANDPUNT_PUBLIC_URL: 'https://intranet.test/standpunt/' }).publicUrl,
    ).toBe('https://intranet.test/standpunt');
  });

  it('refuses what is no http(s) address, or carries a query or a login', () => {
    for (const value of [
      'standpunt.vng.test',
      'ftp://standpunt.vng.test',
      'https://x.test/?a=1',
      'https://u:p@x.test',
    ]) {
      expect(() => configFromEnv({ STANDPUNT_PUBLIC_URL: value })).toThrow(
        /^STANDPUNT_PUBLIC_URL must be an http:\/\/ or https:\/\/ address/,
      );
    }
  });

  it('is the base of links in mails', () => {
    expect(publicLink('https://intranet.test/standpunt', '/welkom/abc')).toBe(
      'https://intranet.test/standpunt/welkom/abc',
    );
    expect(() => publicLink('https://x.test', 'welkom/abc')).toThrow(/begins with "\/"/);
  });
});
