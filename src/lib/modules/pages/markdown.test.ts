import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './markdown';

describe('renderMarkdown', () => {
	it('renders French Markdown', () => {
		const html = renderMarkdown(
			'## Les chantiers\n\nUne **démarche** coopérative.\n\n- un\n- deux'
		);
		expect(html).toContain('<h2>Les chantiers</h2>');
		expect(html).toContain('<strong>démarche</strong>');
		expect(html).toContain('<li>deux</li>');
	});

	it('removes scripts, event handlers and javascript links', () => {
		const html = renderMarkdown(
			'<script>alert(1)</script><img src=x onerror=alert(1)>[x](javascript:alert(1))'
		);
		expect(html).not.toMatch(/<script|onerror|href="javascript:/);
	});

	it('demotes h1 so the page keeps a single h1', () => {
		expect(renderMarkdown('# Titre')).toBe('<h2>Titre</h2>');
	});
});
