import type { Page } from '@playwright/test';

/**
 * Console errors (a CSP violation is one: "Refused to execute…") and uncaught exceptions of a
 * page, as a list the test expects empty. The answers 400 (bad input) and 404 (a pending fiche)
 * that the tests ask for are not counted.
 */
export function collectErrors(page: Page) {
	const errors: string[] = [];
	page.on('console', (msg) => {
		const text = msg.text();
		if (msg.type() !== 'error') return;
		if (/^Failed to load resource: the server responded with a status of (400|404)\b/.test(text)) {
			return;
		}
		errors.push(text);
	});
	page.on('pageerror', (err) => errors.push(err.message));
	// Also what the browser reports as a violation of the Content-Security-Policy.
	void page.addInitScript(() => {
		addEventListener('securitypolicyviolation', (e) =>
			console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`)
		);
	});
	return errors;
}
