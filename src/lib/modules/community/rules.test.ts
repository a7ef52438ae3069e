import { describe, expect, it } from 'vitest';
import {
	logoVersion,
	checkLogo,
	contactVisible,
	LOGO_MAX_BYTES,
	logoMimeOfKey,
	pageCount,
	slugify
} from './rules';
import type { Actor } from '../../server/auth/policy';

const member: Actor = { userId: 'm', role: 'membre', spaceRoles: {} };

describe('community rules', () => {
	it('shows a contact detail according to the owner’s choice', () => {
		expect(contactVisible('public', null, 'x')).toBe(true);
		expect(contactVisible('members', null, 'x')).toBe(false);
		expect(contactVisible('members', member, 'x')).toBe(true);
		expect(contactVisible('private', member, 'x')).toBe(false);
		expect(contactVisible('private', member, 'm')).toBe(true);
		expect(contactVisible('private', { ...member, role: 'coordination' }, 'x')).toBe(true);
	});

	it('makes readable slugs from French names', () => {
		expect(slugify("Le Labo de l'ESS")).toBe('le-labo-de-l-ess');
		expect(slugify('Fédération nationale des Caisses d’Épargne')).toBe(
			'federation-nationale-des-caisses-d-epargne'
		);
	});

	it('counts pages', () => {
		expect(pageCount(0)).toBe(1);
		expect(pageCount(24)).toBe(1);
		expect(pageCount(25)).toBe(2);
	});

	it('accepts PNG, JPEG and WebP logos up to 1 Mo, by the type found in the content', () => {
		expect(checkLogo(2_000, 'image/png')).toEqual({ ok: true, mime: 'image/png', ext: 'png' });
		expect(checkLogo(2_000, 'image/jpeg')).toEqual({ ok: true, mime: 'image/jpeg', ext: 'jpg' });
		expect(checkLogo(LOGO_MAX_BYTES, 'image/webp')).toEqual({
			ok: true,
			mime: 'image/webp',
			ext: 'webp'
		});
	});

	it('refuses SVG, other formats, unknown content and empty files', () => {
		const format = {
			ok: false,
			error: 'Format non accepté : envoyez une image PNG, JPEG ou WebP.'
		};
		expect(checkLogo(500, 'image/svg+xml')).toEqual(format);
		expect(checkLogo(500, 'application/xml')).toEqual(format);
		expect(checkLogo(500, 'image/gif')).toEqual(format);
		expect(checkLogo(500, 'application/pdf')).toEqual(format);
		expect(checkLogo(500, undefined)).toEqual(format);
		expect(checkLogo(500, 'toString')).toEqual(format);
		expect(checkLogo(0, 'image/png')).toEqual(format);
	});

	it('refuses a logo over 1 Mo, whatever its type', () => {
		const size = { ok: false, error: 'Le logo ne doit pas dépasser 1 Mo.' };
		expect(checkLogo(LOGO_MAX_BYTES + 1, 'image/png')).toEqual(size);
		expect(checkLogo(5_000_000, undefined)).toEqual(size);
	});

	it('gives the MIME type of a stored logo from its key', () => {
		expect(logoMimeOfKey('logos/0b5e.png')).toBe('image/png');
		expect(logoMimeOfKey('logos/0b5e.jpg')).toBe('image/jpeg');
		expect(logoMimeOfKey('logos/0b5e.webp')).toBe('image/webp');
		expect(logoMimeOfKey('logos/0b5e.svg')).toBeNull();
		expect(logoMimeOfKey('logos/png')).toBeNull();
	});
});

describe('logoVersion', () => {
	it('changes with the stored file, and is empty without a logo', () => {
		expect(logoVersion('logos/0f8c2a6e-1b2c-4d5e-8f90-123456789abc.png')).toBe('0f8c2a6e-1b2');
		expect(logoVersion('logos/aaaaaaaa-0000-4000-8000-000000000000.webp')).not.toBe(
			logoVersion('logos/bbbbbbbb-0000-4000-8000-000000000000.webp')
		);
		expect(logoVersion(null)).toBe('');
	});
});
