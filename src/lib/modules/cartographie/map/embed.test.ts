import { describe, expect, it } from 'vitest';
import { embedSnippet } from './embed';

describe('embed snippet', () => {
	it('frames the given address with a title, escaped for an HTML attribute', () => {
		const snippet = embedSnippet(
			'https://chantiers.example.org/cartographie/integree?region=84&type=ptce',
			650,
			'Carte "accompagnement" <ESS>'
		);
		expect(snippet).toBe(
			'<iframe src="https://chantiers.example.org/cartographie/integree?region=84&amp;type=ptce" ' +
				'title="Carte &quot;accompagnement&quot; &lt;ESS&gt;" width="100%" height="650" ' +
				'style="border:0" loading="lazy"></iframe>'
		);
	});

	it('falls back to the default height for a height not offered', () => {
		expect(embedSnippet('https://x.example/', 12345, 't')).toContain('height="500"');
	});
});
