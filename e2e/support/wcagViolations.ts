import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/** The standard the app is held to: WCAG 2.1, levels A and AA. */
export const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** One axe finding, reduced to what helps fix it. */
export interface WcagViolation {
  rule: string;
  impact: string | null | undefined;
  help: string;
  elements: string[];
}

/** Axe's WCAG 2.1 A/AA violations on the page as it is now; `[]` when there are none. */
export async function wcagViolations(page: Page): Promise<WcagViolation[]> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_21_AA).analyze();
  return results.violations.map((violation) => ({
    rule: violation.id,
    impact: violation.impact,
    help: violation.help,
    elements: violation.nodes.map((node) => node.target.join(' ')),
  }));
}
