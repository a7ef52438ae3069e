import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** Runs axe (WCAG 2.1 A and AA rules) on the current page and fails on any violation. */
export async function expectAccessible(page: Page) {
	await page.waitForLoadState('load');
	const results = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
		.analyze();
	const violations = results.violations.map(
		(v) =>
			`${v.id} (${v.impact}) on ${page.url()}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`
	);
	expect(violations, violations.join('\n')).toEqual([]);
}

/** Goes to a path and checks the page with axe. */
export async function visit(page: Page, path: string) {
	const response = await page.goto(path);
	await expectAccessible(page);
	return response;
}
