import { expect, test } from '../support/fixtures.js';
import { loginHeading, paperListHeading, signIn, submitLogin } from '../support/ui.js';

test('a wrong password is refused with a Dutch message', async ({ page, createPerson }) => {
  const anna = await createPerson({ name: 'Anna de Vries', municipality: 'GM0363' });

  await page.goto('/');
  await submitLogin(page, { email: anna.email, password: 'dit-is-niet-het-wachtwoord' });

  const alert = page.getByRole('alert');
  await expect(alert).toBeVisible();
  await expect(alert).toHaveText(/wachtwoord|e-mailadres|onjuist|ongeldig|klopt niet|mislukt/i);
  await expect(alert).not.toHaveText(/invalid|incorrect|wrong|failed/i);
  await expect(loginHeading(page)).toBeVisible();
  await expect(paperListHeading(page)).toBeHidden();
});

test('a person signs in and out', async ({ page, server, createPerson }) => {
  const bram = await createPerson({ name: 'Bram Jansen', municipality: 'GM0344' });

  await signIn(page, server.baseURL, bram);
  await expect(page.getByRole('link', { name: 'Standpunt' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'English' })).toBeVisible();

  await page.getByRole('button', { name: 'Uitloggen' }).click();
  await expect(loginHeading(page)).toBeVisible();
  await page.reload();
  await expect(loginHeading(page)).toBeVisible();
});
