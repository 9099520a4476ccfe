import { RESET_PASSWORD_PATH, WELCOME_PATH } from '@standpunt/shared';
import type { Page } from '@playwright/test';
import { expect, test } from '../support/fixtures.js';
import { linkIn, mailsTo, sentMails } from '../support/outbox.js';
import { ADMIN } from '../support/StandpuntServer.js';
import { loginHeading, paperListHeading, signIn, signOut, submitLogin } from '../support/ui.js';
import { wcagViolations } from '../support/wcagViolations.js';

/** Three colleagues as a municipality's list has them: `;`, a code, a name, and VNG. */
const IMPORT_CSV = [
  'email;name;municipality;admin',
  'jan.de.vries@amsterdam.nl;Jan de Vries;GM0363;false',
  'anouk.jansen@utrecht.nl;Anouk Jansen;Utrecht;false',
  'mo.bakker@vng.nl;Mohamed Bakker;VNG;true',
].join('\n');

const NEW_PASSWORD = 'blauwe fietsen langs de gracht';

const welcomeHeading = (page: Page, name: string) =>
  page.getByRole('heading', { level: 1, name: `Welkom, ${name}` });
/** "Accounts 1–50 van 121" above the list in Beheer. */
const accountCount = (page: Page) => page.getByRole('status').filter({ hasText: /^Accounts \d/ });
const linkGoneHeading = (page: Page) =>
  page.getByRole('heading', { level: 1, name: 'Deze link werkt niet meer' });

/** Fills in a page's new password twice and sends it. */
async function chooseNewPassword(page: Page, password: string, submit: string): Promise<void> {
  await page.getByLabel('Nieuw wachtwoord', { exact: true }).fill(password);
  await page.getByLabel('Herhaal het nieuwe wachtwoord').fill(password);
  await page.getByRole('button', { name: submit }).click();
}

test('an admin imports three accounts from a file; one of them accepts the invitation and signs in with the password chosen', async ({
  page,
  server,
  admin,
  newPage,
}) => {
  await signIn(page, server.baseURL, ADMIN);
  await page.getByRole('link', { name: 'Beheer' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Accounts importeren' })).toBeVisible();

  await page
    .getByLabel('Bestand (CSV of JSON)')
    .setInputFiles({ name: 'collega.csv', mimeType: 'text/csv', buffer: Buffer.from(IMPORT_CSV) });
  await expect(page.getByLabel('Uitnodigingen versturen')).toBeChecked();
  await page.getByRole('button', { name: 'Bestand controleren' }).click();

  // The dry run: every line reported, nothing made yet.
  const reportHeading = page.getByRole('heading', { level: 3, name: 'Controle van collega.csv' });
  await expect(reportHeading).toBeFocused();
  const report = page.getByRole('table', {
    name: 'Wat de import met elke regel van het bestand doet',
  });
  await expect(report.getByRole('row')).toHaveCount(4);
  const anouk = report.getByRole('row').filter({ hasText: 'anouk.jansen@utrecht.nl' });
  await expect(anouk.getByRole('cell')).toHaveText([
    '3',
    'anouk.jansen@utrecht.nl',
    'Anouk Jansen',
    'Utrecht',
    'Nee',
    'Wordt aangemaakt',
  ]);
  await expect(report.getByRole('cell', { name: 'Wordt aangemaakt' })).toHaveCount(3);
  expect((await admin.users({ q: 'anouk.jansen' })).total).toBe(0);
  expect(await wcagViolations(page), 'Beheer with the import report').toEqual([]);

  await page.getByRole('button', { name: 'Importeren en uitnodigen (3 nieuw)' }).click();
  await expect(
    page.getByRole('heading', { level: 3, name: 'collega.csv is geïmporteerd' }),
  ).toBeFocused();
  await expect(
    page.getByText('Aangemaakt en per e-mail uitgenodigd: 3. Bestonden al: 0.'),
  ).toBeVisible();
  const created = await admin.users({ q: 'anouk.jansen' });
  expect(created.users.map((user) => [user.name, user.municipality, user.signIn])).toEqual([
    ['Anouk Jansen', 'GM0344', 'invited'],
  ]);
  // The list above shows the new accounts as invited.
  const accounts = page.getByRole('table', { name: 'Accounts, op naam gesorteerd' });
  await expect(accounts.getByRole('row').filter({ hasText: 'Anouk Jansen' })).toContainText(
    'Uitgenodigd',
  );

  const [invitation] = await mailsTo(server, 'anouk.jansen@utrecht.nl');
  expect(invitation!.subject).toBe('Uitnodiging voor Standpunt');
  const link = linkIn(invitation!, WELCOME_PATH);
  expect(new URL(link).origin).toBe(server.origin);

  // Opened from the mail, in a browser that has never signed in.
  const anoukPage = await newPage();
  await anoukPage.goto(link);
  await expect(welcomeHeading(anoukPage, 'Anouk Jansen')).toBeVisible();
  await expect(anoukPage.getByText('anouk.jansen@utrecht.nl')).toBeVisible();
  expect(await wcagViolations(anoukPage), '/welkom/<token>').toEqual([]);

  // A typo in the second field is caught before anything is sent.
  await anoukPage.getByLabel('Nieuw wachtwoord', { exact: true }).fill(NEW_PASSWORD);
  await anoukPage.getByLabel('Herhaal het nieuwe wachtwoord').fill(`${NEW_PASSWORD}!`);
  await anoukPage.getByRole('button', { name: 'Wachtwoord opslaan en inloggen' }).click();
  await expect(anoukPage.getByText('De twee wachtwoorden zijn niet gelijk.')).toBeVisible();
  await expect(anoukPage.getByLabel('Herhaal het nieuwe wachtwoord')).toBeFocused();

  await chooseNewPassword(anoukPage, NEW_PASSWORD, 'Wachtwoord opslaan en inloggen');
  await expect(paperListHeading(anoukPage)).toBeVisible();
  await expect(anoukPage.getByRole('banner')).toContainText('Anouk Jansen');

  await signOut(anoukPage);
  await submitLogin(anoukPage, { email: 'anouk.jansen@utrecht.nl', password: NEW_PASSWORD });
  await expect(paperListHeading(anoukPage)).toBeVisible();
  expect((await admin.users({ q: 'anouk.jansen' })).users[0]?.signIn).toBe('password');
});

test('someone who forgot their password gets a link by mail, chooses a new one and is signed in; the old one stops working and the used link shows why', async ({
  page,
  server,
  createPerson,
}) => {
  const bram = await createPerson({ name: 'Bram Jansen', municipality: 'GM0344' });

  await page.goto('/login');
  await page.getByLabel('E-mailadres').fill(bram.email);
  await page.getByRole('link', { name: 'Wachtwoord vergeten?' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Wachtwoord vergeten' })).toBeVisible();
  // The address typed on the login page came along.
  await expect(page.getByLabel('E-mailadres')).toHaveValue(bram.email);
  await page.getByRole('button', { name: 'Link aanvragen' }).click();
  await expect(page.getByRole('status')).toContainText(
    'Als er een account bij dit adres hoort, ontvangt u een e-mail',
  );
  expect(await wcagViolations(page), '/wachtwoord-vergeten').toEqual([]);

  // An address without an account gets the very same answer, and no mail.
  await page.getByLabel('E-mailadres').fill('niemand@standpunt.test');
  await page.getByRole('button', { name: 'Link aanvragen' }).click();
  await expect(page.getByRole('status')).toContainText(
    'Als er een account bij dit adres hoort, ontvangt u een e-mail',
  );

  const [reset] = await mailsTo(server, bram.email);
  expect(reset!.subject).toBe('Nieuw wachtwoord voor Standpunt');
  const link = linkIn(reset!, RESET_PASSWORD_PATH);
  await page.goto(link);
  await expect(
    page.getByRole('heading', { level: 1, name: 'Nieuw wachtwoord voor Bram Jansen' }),
  ).toBeVisible();
  expect(await wcagViolations(page), '/wachtwoord-herstellen/<token>').toEqual([]);

  // The server's policy, in its own words.
  await chooseNewPassword(page, 'wachtwoord1234', 'Wachtwoord opslaan en inloggen');
  await expect(page.getByRole('alert')).toBeVisible();
  await expect(paperListHeading(page)).toBeHidden();

  await chooseNewPassword(page, NEW_PASSWORD, 'Wachtwoord opslaan en inloggen');
  await expect(paperListHeading(page)).toBeVisible();

  await signOut(page);
  await submitLogin(page, bram);
  await expect(page.getByRole('alert')).toBeVisible();
  await expect(loginHeading(page)).toBeVisible();
  await page.getByLabel('Wachtwoord', { exact: true }).fill(NEW_PASSWORD);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect(paperListHeading(page)).toBeVisible();

  // The link worked once.
  await page.goto(link);
  await expect(linkGoneHeading(page)).toBeVisible();
  await expect(
    page.getByText('al gebruikt, vervangen door een nieuwere of verlopen'),
  ).toBeVisible();
  await expect(page.getByRole('link', { name: 'Nieuwe link aanvragen' })).toHaveAttribute(
    'href',
    '/wachtwoord-vergeten',
  );
  expect(await wcagViolations(page), 'the page of a used link').toEqual([]);
});

test('an invitation sent again replaces the first: its link shows that it no longer works and where to go', async ({
  page,
  server,
  admin,
  newPage,
}) => {
  const invited = await admin.createUser({
    email: 'lotte.visser@rotterdam.nl',
    name: 'Lotte Visser',
    municipality: 'GM0599',
  });
  const [first] = await mailsTo(server, invited.email);

  await signIn(page, server.baseURL, ADMIN);
  await page.goto('/admin?q=lotte');
  const row = page.getByRole('row').filter({ hasText: 'Lotte Visser' });
  await expect(row).toContainText('Uitgenodigd');
  await row.getByRole('button', { name: 'Uitnodiging opnieuw sturen aan Lotte Visser' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'nieuwe uitnodiging' })).toContainText(
    'lotte.visser@rotterdam.nl',
  );
  const [, second] = await mailsTo(server, invited.email, 2);

  const lotte = await newPage();
  await lotte.goto(linkIn(first!, WELCOME_PATH));
  await expect(linkGoneHeading(lotte)).toBeVisible();
  await expect(lotte.getByText('Vraag uw beheerder om een nieuwe uitnodiging')).toBeVisible();
  await expect(lotte.getByRole('link', { name: 'Nieuwe link aanvragen' })).toBeVisible();

  await lotte.goto(linkIn(second!, WELCOME_PATH));
  await expect(welcomeHeading(lotte, 'Lotte Visser')).toBeVisible();
});

test('on their account page people see their details and sessions, end another session and change their password', async ({
  page,
  server,
  createPerson,
  newPage,
}) => {
  const carla = await createPerson({ name: 'Carla de Boer', municipality: 'GM0363' });
  const elsewhere = await newPage();
  await signIn(elsewhere, server.baseURL, carla);
  await signIn(page, server.baseURL, carla);

  await page.getByRole('link', { name: 'Mijn account' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mijn account' })).toBeVisible();
  const details = page.getByRole('definition');
  await expect(details).toContainText([
    'Carla de Boer',
    carla.email,
    'Amsterdam',
    'Met e-mailadres en wachtwoord',
  ]);
  const sessions = page.getByRole('table', { name: 'Uw sessies, nieuwste eerst' });
  await expect(sessions.getByRole('row')).toHaveCount(3);
  await expect(sessions.getByText('Deze sessie')).toHaveCount(1);
  expect(await wcagViolations(page), '/account').toEqual([]);

  // The older session is the other browser's.
  await sessions.getByRole('button', { name: /^Beëindigen: sessie van/ }).click();
  await expect(page.getByRole('status').filter({ hasText: 'is beëindigd' })).toBeVisible();
  await expect(sessions.getByRole('row')).toHaveCount(2);
  await elsewhere.reload();
  await expect(loginHeading(elsewhere)).toBeVisible();

  await page.getByLabel('Huidig wachtwoord').fill(carla.password);
  await page.getByLabel('Nieuw wachtwoord', { exact: true }).fill(NEW_PASSWORD);
  await page.getByLabel('Herhaal het nieuwe wachtwoord').fill(NEW_PASSWORD);
  await page.getByRole('button', { name: 'Wachtwoord wijzigen' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'wachtwoord is gewijzigd' }),
  ).toBeVisible();
  await expect(page.getByLabel('Huidig wachtwoord')).toHaveValue('');

  // Signed out from here, and back here once signed in again.
  await signOut(page);
  await submitLogin(page, { email: carla.email, password: NEW_PASSWORD });
  await expect(page.getByRole('heading', { level: 1, name: 'Mijn account' })).toBeVisible();
});

test('an admin deactivates an account after confirming, which signs its holder out, and finds it among the deactivated', async ({
  page,
  server,
  createPerson,
  newPage,
}) => {
  const dirk = await createPerson({ name: 'Dirk Smit', municipality: 'GM0363' });
  const dirkPage = await newPage();
  await signIn(dirkPage, server.baseURL, dirk);

  await signIn(page, server.baseURL, ADMIN);
  await page.goto('/admin');
  await page.getByLabel('Naam of e-mailadres').fill('dirk');
  await page.getByRole('button', { name: 'Zoeken' }).click();
  await expect(accountCount(page)).toHaveText('Accounts 1–1 van 1');
  expect(new URL(page.url()).searchParams.get('q')).toBe('dirk');

  await page.getByRole('button', { name: 'Dirk Smit deactiveren' }).click();
  const question = page.getByRole('group', { name: 'Dirk Smit deactiveren?' });
  await expect(question).toBeVisible();
  await question.getByRole('button', { name: 'Ja, deactiveren' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'is gedeactiveerd' })).toBeVisible();
  const reactivate = page.getByRole('button', { name: 'Dirk Smit heractiveren' });
  await expect(reactivate).toBeFocused();
  await expect(page.getByRole('row').filter({ hasText: 'Dirk Smit' })).toContainText(
    'Gedeactiveerd',
  );

  await dirkPage.reload();
  await expect(loginHeading(dirkPage)).toBeVisible();
  await submitLogin(dirkPage, dirk);
  await expect(dirkPage.getByRole('alert')).toBeVisible();

  await page.getByLabel('Naam of e-mailadres').fill('');
  await page.getByLabel('Status').selectOption({ label: 'Alleen gedeactiveerde accounts' });
  await page.getByRole('button', { name: 'Zoeken' }).click();
  const rows = page.getByRole('table', { name: 'Accounts, op naam gesorteerd' }).getByRole('row');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toContainText('Dirk Smit');
});

test('a file with errors is refused line by line with nothing made; a long list is paged fifty at a time', async ({
  page,
  server,
  admin,
}) => {
  await signIn(page, server.baseURL, ADMIN);
  await page.goto('/admin');
  const file = page.getByLabel('Bestand (CSV of JSON)');
  const check = page.getByRole('button', { name: 'Bestand controleren' });

  // The sample offered is a file the import takes as it is.
  const [sample] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Voorbeeldbestand downloaden (CSV)' }).click(),
  ]);
  expect(sample.suggestedFilename()).toBe('accounts-voorbeeld.csv');
  await file.setInputFiles(await sample.path());
  await check.click();
  const report = page.getByRole('table', {
    name: 'Wat de import met elke regel van het bestand doet',
  });
  await expect(report.getByRole('cell', { name: 'Wordt aangemaakt' })).toHaveCount(3);

  await file.setInputFiles({
    name: 'fouten.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(
      [
        'email,name,municipality',
        'goed@amsterdam.nl,Goed Genoeg,GM0363',
        'geen-adres,Fout Eén,GM0363',
        'fout@nergens.nl,Fout Twee,Nergenshuizen',
      ].join('\n'),
    ),
  });
  await check.click();
  await expect(
    page.getByRole('heading', { level: 3, name: 'fouten.csv is niet geïmporteerd' }),
  ).toBeFocused();
  const errors = page.getByRole('table', { name: /Regels met fouten/ });
  await expect(errors.getByRole('row')).toHaveCount(3);
  await expect(errors.getByRole('row').nth(1).getByRole('cell').first()).toHaveText('3');
  await expect(errors.getByRole('row').nth(2)).toContainText('Nergenshuizen');
  await expect(page.getByRole('button', { name: /^Importeren/ })).toHaveCount(0);
  expect((await admin.users({ q: 'goed@amsterdam.nl' })).total).toBe(0);

  // 120 colleagues, without invitations: the admin will send them later.
  const lines = Array.from(
    { length: 120 },
    (_, i) =>
      `collega${String(i).padStart(3, '0')}@utrecht.nl;Collega ${String(i).padStart(3, '0')};GM0344`,
  );
  await file.setInputFiles({
    name: 'utrecht.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(['email;name;municipality', ...lines].join('\n')),
  });
  await page.getByLabel('Uitnodigingen versturen').uncheck();
  await check.click();
  await page.getByRole('button', { name: 'Importeren (120 nieuw)' }).click();
  await expect(page.getByText('Aangemaakt: 120. Bestonden al: 0.')).toBeVisible();

  await expect(accountCount(page)).toHaveText('Accounts 1–50 van 121');
  await page.getByRole('button', { name: 'Volgende pagina' }).click();
  await expect(accountCount(page)).toHaveText('Accounts 51–100 van 121');
  await expect(accountCount(page)).toBeFocused();
  expect(new URL(page.url()).searchParams.get('offset')).toBe('50');
  const rows = page.getByRole('table', { name: 'Accounts, op naam gesorteerd' }).getByRole('row');
  await expect(rows).toHaveCount(51);
  await expect(rows.nth(1)).toContainText('Collega 049');

  // The page survives a reload, as an address to share.
  await page.reload();
  await expect(accountCount(page)).toHaveText('Accounts 51–100 van 121');
  await page.getByRole('button', { name: 'Volgende pagina' }).click();
  await expect(accountCount(page)).toHaveText('Accounts 101–121 van 121');
  await expect(page.getByRole('button', { name: 'Volgende pagina' })).toBeDisabled();

  await page.getByLabel('Organisatie', { exact: true }).first().selectOption({ label: 'Utrecht' });
  await page.getByLabel('Beheerders', { exact: true }).selectOption({ label: 'Alleen beheerders' });
  await page.getByRole('button', { name: 'Zoeken' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Geen accounts gevonden.' }),
  ).toBeVisible();
  expect(new URL(page.url()).searchParams.get('offset')).toBeNull();
  expect(await sentMails(server)).toEqual([]);
});
