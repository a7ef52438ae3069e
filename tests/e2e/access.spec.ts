import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { createAccount } from './support/accounts';
import { routes, type Access } from './support/access-routes';

function routeFiles() {
	const found: Record<string, string[]> = {};
	const walk = (dir: string) => {
		for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
			const full = path.join(dir, entry.name);
			if (entry.isDirectory()) walk(full);
			else if (/^\+(page|server)(\.server)?\.(ts|svelte)$/.test(entry.name)) {
				const id =
					'/' +
					path
						.relative('src/routes', dir)
						.split(path.sep)
						.filter((s) => s && !/^\(.*\)$/.test(s))
						.join('/');
				const source = entry.name === '+page.server.ts' ? fs.readFileSync(full, 'utf8') : '';
				const block = source.match(/export const actions[^=]*=\s*{\s*\n([\s\S]*?)\n};/)?.[1];
				const inline = source.match(/export const actions[^=]*=\s*{([^\n]*)};/)?.[1];
				const names = block
					? [...block.matchAll(/^\t(\w+):/gm)].map((m) => m[1]!)
					: inline
						? [...inline.matchAll(/(\w+):/g)].map((m) => m[1]!)
						: [];
				found[id.replace(/\/$/, '') || '/'] = [...(found[id] ?? []), ...names];
			}
		}
	};
	walk('src/routes');
	return found;
}

test('every route and action is declared in the access table', () => {
	const found = routeFiles();
	expect(Object.keys(found).sort()).toEqual(Object.keys(routes).sort());
	for (const [id, actions] of Object.entries(found)) {
		const declared = Object.keys(routes[id]!.actions ?? {});
		expect(actions.sort(), `actions of ${id}`).toEqual(declared.sort());
	}
});

const refused = (status: number, location: string | undefined) =>
	status === 403 || (status === 303 && !!location?.startsWith('/connexion'));

async function check(
	request: APIRequestContext,
	who: 'visitor' | 'member',
	allowed: (a: Access) => boolean
) {
	const failures: string[] = [];
	for (const [id, r] of Object.entries(routes)) {
		const get = await request.get(r.path, { maxRedirects: 0 });
		const shouldRefuse = !allowed(r.access);
		if (shouldRefuse && !refused(get.status(), get.headers()['location'])) {
			failures.push(`${who} GET ${id} → ${get.status()}`);
		}
		for (const [name, access] of Object.entries(r.actions ?? {})) {
			if (allowed(access)) continue;
			const url = name === 'default' ? r.path : `${r.path}?/${name}`;
			const post = await request.post(url, {
				maxRedirects: 0,
				headers: { origin: new URL(get.url()).origin, accept: 'text/html' },
				form: {
					id: '00000000-0000-4000-8000-000000000000',
					role: 'admin',
					name: 'Intrus',
					email: 'intrus@example.org'
				}
			});
			if (!refused(post.status(), post.headers()['location'])) {
				failures.push(`${who} POST ${id} ${name} → ${post.status()}`);
			}
		}
	}
	expect(failures).toEqual([]);
}

test('a visitor is refused everything that is not public', async ({ request }) => {
	await check(request, 'visitor', (a) => a === 'public');
});

test('a plain member is refused coordination and admin routes and actions', async ({
	playwright,
	baseURL
}) => {
	const member = await createAccount('membre', baseURL);
	const request = await playwright.request.newContext({ baseURL });
	const login = await request.post('/connexion', {
		form: { email: member.email, password: member.password },
		headers: { origin: baseURL!, accept: 'text/html' },
		maxRedirects: 0
	});
	expect(login.status()).toBe(303);
	await check(request, 'member', (a) => a === 'public' || a === 'member');
	await request.dispose();
});

test('coordination is refused admin-only routes and actions', async ({ playwright, baseURL }) => {
	const coord = await createAccount('coordination', baseURL);
	const request = await playwright.request.newContext({ baseURL });
	await request.post('/connexion', {
		form: { email: coord.email, password: coord.password },
		headers: { origin: baseURL!, accept: 'text/html' },
		maxRedirects: 0
	});
	const failures: string[] = [];
	for (const path of ['/admin/emails', '/admin/journal']) {
		const r = await request.get(path, { maxRedirects: 0 });
		if (r.status() !== 403) failures.push(`${path} → ${r.status()}`);
	}
	const role = await request.post('/admin/membres?/role', {
		form: { id: '00000000-0000-4000-8000-000000000000', role: 'admin' },
		headers: { origin: baseURL!, accept: 'text/html' },
		maxRedirects: 0
	});
	if (role.status() !== 403) failures.push(`role → ${role.status()}`);
	expect(failures).toEqual([]);
	expect((await request.get('/admin/demandes', { maxRedirects: 0 })).status()).toBe(200);
	await request.dispose();
});
