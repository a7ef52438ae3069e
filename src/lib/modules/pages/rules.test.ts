import { describe, expect, it } from 'vitest';
import { BODY_MAX_BYTES, checkPageInput, freeSlug, mergeProposal, slugify } from './rules';
import { wordDiff } from './word-diff';
import { renderMarkdown, wikiLinks } from './markdown';

describe('checkPageInput', () => {
	it('requires a title of at most 200 characters', () => {
		expect(checkPageInput({ title: ' ', body: '' }, false).errors.title).toBe('Indiquez un titre.');
		expect(checkPageInput({ title: 'x'.repeat(201), body: '' }, false).errors.title).toMatch(/200/);
		expect(checkPageInput({ title: 'Méthode', body: 'a' }, false).errors).toEqual({});
	});
	it('refuses a body over 500 KB with a French message', () => {
		const r = checkPageInput({ title: 'T', body: 'é'.repeat(BODY_MAX_BYTES / 2 + 1) }, false);
		expect(r.errors.body).toMatch(/500 Ko/);
	});
	it('allows the space visibility only inside a space', () => {
		expect(
			checkPageInput({ title: 'T', visibility: 'space' }, false).errors.visibility
		).toBeTruthy();
		expect(checkPageInput({ title: 'T', visibility: 'space' }, true).errors).toEqual({});
	});
});

describe('slugs', () => {
	it('come from the title and stay free', () => {
		expect(slugify("Méthode d'animation")).toBe('methode-d-animation');
		expect(slugify('!!!')).toBe('page');
		expect(freeSlug('a', new Set(['a', 'a-2']))).toBe('a-3');
	});
});

describe('mergeProposal', () => {
	const base = 'un\ndeux\ntrois\nquatre';
	it('combines changes of different lines cleanly', () => {
		const m = mergeProposal(base, 'UN\ndeux\ntrois\nquatre', 'un\ndeux\ntrois\nQUATRE');
		expect(m).toEqual({ clean: true, text: 'UN\ndeux\ntrois\nQUATRE', conflicts: 0 });
	});
	it('keeps both versions of the same line between markers', () => {
		const m = mergeProposal(base, 'un\nDEUX\ntrois\nquatre', 'un\n2\ntrois\nquatre');
		expect(m.clean).toBe(false);
		expect(m.conflicts).toBe(1);
		expect(m.text).toContain('DEUX');
		expect(m.text).toContain('2');
		expect(m.text).toContain('Votre version');
	});
});

describe('wordDiff', () => {
	it('marks removed and added words', () => {
		const parts = wordDiff('la démarche coopérative', 'la démarche solidaire');
		expect(parts.filter((p) => p.kind === 'removed').map((p) => p.text)).toEqual(['coopérative']);
		expect(parts.filter((p) => p.kind === 'added').map((p) => p.text)).toEqual(['solidaire']);
		expect(wordDiff('', '')).toEqual([]);
	});
	it('compares words inside changed lines and keeps the other lines whole', () => {
		const before = 'un deux\n\ntrois quatre\n\ncinq';
		const after = 'un deux\n\ntrois QUATRE\n\ncinq\n\nsix';
		const parts = wordDiff(before, after);
		// diffWords folds whitespace-only changes into kept text: compare the words.
		const words = (x: string) => x.split(/\s+/).filter(Boolean);
		const side = (k: string) =>
			parts
				.filter((p) => p.kind !== k)
				.map((p) => p.text)
				.join(' ');
		expect(words(side('added'))).toEqual(words(before));
		expect(words(side('removed'))).toEqual(words(after));
		expect(parts.find((p) => p.kind === 'removed')?.text.trim()).toBe('quatre');
	});
});

describe('wiki markdown', () => {
	it('turns [[slug]] and [[slug|texte]] into links of the same space', () => {
		expect(wikiLinks('[[methode]]', '/chantiers/c1/pages')).toBe(
			'[methode](/chantiers/c1/pages/methode)'
		);
		const html = renderMarkdown('Voir [[methode|la méthode]].', '/chantiers/c1/pages');
		expect(html).toContain('<a href="/chantiers/c1/pages/methode">la méthode</a>');
	});
	it('keeps a wiki link inert when its text tries to break out', () => {
		const html = renderMarkdown('[[x|<img src=x onerror=alert(1)>]] [[x|](javascript:alert(1))]]');
		expect(html).not.toMatch(/<img|href="javascript:/);
	});
	it('makes javascript links, scripts and event handlers inert', () => {
		const html = renderMarkdown(
			'[a](javascript:alert(1)) <a href="javascript:alert(2)" onclick="x()">b</a> <script>alert(3)</script> <p onmouseover="x()">c</p>'
		);
		expect(html).not.toMatch(/javascript:|onclick|onmouseover|<script/);
	});
	it('allows images only from the platform attachments', () => {
		const id = '0b9f0c1e-2a3b-4c5d-8e9f-0a1b2c3d4e5f';
		const own = renderMarkdown(`![plan](/chantiers/c1/pages/p/fichiers/${id})`);
		expect(own).toContain(`<img src="/chantiers/c1/pages/p/fichiers/${id}" alt="plan"`);
		const other = renderMarkdown('![x](https://evil.example/x.png) <img src="x" onerror="a()">');
		expect(other).not.toMatch(/<img|onerror/);
	});
});
