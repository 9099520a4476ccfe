import { RESET_PASSWORD_PATH, WELCOME_PATH } from '@standpunt/shared';

/** The pages of one's own account; the mails' links lead to the token routes. */
export const ACCOUNT_PATH = '/account';
export const FORGOT_PASSWORD_PATH = '/wachtwoord-vergeten';
export const WELCOME_ROUTE = `${WELCOME_PATH}/:token`;
export const RESET_PASSWORD_ROUTE = `${RESET_PASSWORD_PATH}/:token`;
