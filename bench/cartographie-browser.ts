// The browser side of bench/cartographie.ts: first map render, filter changes and page loads in
// headless Chromium (the Debian build, with the flags of playwright.config.ts).
import { chromium, type Browser, type Page } from 'playwright-core';
import { setTimeout as sleep } from 'node:timers/promises';
import { PUBLIC_TTL_MS } from '../src/lib/server/cache';

const launchOptions = {
	executablePath: '/usr/bin/chromium',
	args: [
		'--no-sandbox',
		'--disable-gpu',
		'--disable-background-networking',
		'--disable-component-update',
		'--disable-sync',
		'--no-first-run',
		'--disable-quic'
	]
};

export const launch = () => chromium.launch(launchOptions);

async function newPage(browser: Browser) {
	const context = await browser.newContext({
		locale: 'fr-FR',
		timezoneId: 'Europe/Paris',
		viewport: { width: 1280, height: 900 }
	});
	const page = await context.newPage();
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(e.message));
	page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
	return { context, page, errors };
}

const mapSelector = '.france-map__canvas';

/** Waits for the map to be drawn with clusters; returns its 'carto-map-ready' mark (ms). */
async function mapReady(page: Page) {
	await page.waitForSelector(`${mapSelector}[data-map-state="ready"] .map-cluster`, {
		timeout: 60_000
	});
	await page.waitForFunction(
		() => performance.getEntriesByName('carto-map-loaded').length > 0,
		undefined,
		{ timeout: 60_000 }
	);
	return page.evaluate(() => {
		const marks = Object.fromEntries(
			['carto-maplibre-imported', 'carto-map-created', 'carto-map-loaded'].map((n) => [
				n,
				performance.getEntriesByName(n)[0]?.startTime ?? NaN
			])
		);
		const mark = performance.getEntriesByName('carto-map-ready')[0];
		const data = performance
			.getEntriesByType('resource')
			.find((r) => r.name.includes('/cartographie/carte.json')) as
			PerformanceResourceTiming | undefined;
		const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
		return {
			ready: mark?.startTime ?? NaN,
			maplibreImported: marks['carto-maplibre-imported'],
			mapCreated: marks['carto-map-created'],
			basemapLoaded: marks['carto-map-loaded'],
			domContentLoaded: nav.domContentLoadedEventEnd,
			dataEnd: data?.responseEnd ?? NaN,
			dataTransfer: data?.transferSize ?? NaN,
			clusters: document.querySelectorAll('.map-cluster').length
		};
	});
}

/**
 * Cold loads of /cartographie (new browser context each: empty HTTP cache), spaced so that the
 * server's visitors' cache has expired: navigation start → map drawn with its clusters.
 */
export async function firstRenders(browser: Browser, base: string, loads: number) {
	const out = [];
	for (let i = 0; i < loads; i++) {
		await sleep(PUBLIC_TTL_MS + 500);
		const { context, page, errors } = await newPage(browser);
		await page.goto(`${base}/cartographie`);
		out.push({ ...(await mapReady(page)), errors });
		await context.close();
	}
	return out;
}

/** Filter changes, each to a search not seen before (the server computes it). */
const changes: [string, number][] = [
	['dimension', 1],
	['region', 2],
	['type', 1],
	['dimension', 0],
	['etape', 1],
	['region', 0]
];

// In-page script, as text: the bundler would otherwise add helpers the page does not have.
const watchFilterChange = `(() => {
	window.filterChange = new Promise((resolve) => {
		const search = location.search;
		const map = () => document.querySelector('${mapSelector}');
		const drawn = map().getAttribute('data-map-drawn');
		document.addEventListener('change', (e) => {
			const t0 = e.timeStamp;
			const check = () => {
				const done = location.search !== search
					&& map().getAttribute('data-map-drawn') !== drawn
					&& map().getAttribute('data-map-state') === 'ready';
				if (done) resolve(performance.now() - t0);
				else requestAnimationFrame(check);
			};
			requestAnimationFrame(check);
		}, { capture: true, once: true });
	});
})()`;

/**
 * Time from a select's `change` event (its timeStamp) until the list shows the new search (the
 * URL has changed: SvelteKit updates it with the page) and the map has drawn the new data
 * (`data-map-drawn` changed, state ready), measured in the page at the next animation frame.
 */
export async function filterChanges(browser: Browser, base: string) {
	const { context, page, errors } = await newPage(browser);
	await page.goto(`${base}/cartographie`);
	await mapReady(page);
	const out = [];
	for (const [name, option] of changes) {
		await page.evaluate(watchFilterChange);
		const value = await page.locator(`select#${name} option`).nth(option).getAttribute('value');
		await page.selectOption(`select#${name}`, value ?? '');
		const elapsed = await page.evaluate(
			() => (window as unknown as { filterChange: Promise<number> }).filterChange
		);
		out.push({ change: `${name}=${value || '(all)'}`, ms: elapsed, url: page.url() });
	}
	await context.close();
	return { changes: out, errors };
}

/** Loads each page; the map pages until the map is drawn. */
export async function pageLoads(browser: Browser, base: string, pages: [string, boolean][]) {
	const out = [];
	for (const [path, withMap] of pages) {
		const { context, page, errors } = await newPage(browser);
		const t = performance.now();
		const response = await page.goto(`${base}${path}`, { waitUntil: 'load' });
		const load = performance.now() - t;
		let map: number | null = null;
		if (withMap) {
			await page.waitForSelector(`${mapSelector}[data-map-state="ready"]`, { timeout: 60_000 });
			map = performance.now() - t;
		}
		const state = withMap
			? await page.locator(mapSelector).first().getAttribute('data-map-state')
			: null;
		out.push({ path, status: response?.status() ?? 0, loadMs: load, mapMs: map, state, errors });
		await context.close();
	}
	return out;
}
