import { afterEach, describe, expect, it, vi } from 'vitest';
import { log, setLogLevel } from './log';

afterEach(() => {
	setLogLevel('info');
	vi.restoreAllMocks();
});

describe('log', () => {
	it('writes only at or above the configured level', () => {
		const info = vi.spyOn(console, 'log').mockImplementation(() => undefined);
		const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
		setLogLevel('warn');
		log.info('bonjour');
		log.warn('attention');
		expect(info).not.toHaveBeenCalled();
		expect(warn).toHaveBeenCalledWith('attention');
		setLogLevel('silent');
		log.warn('rien');
		expect(warn).toHaveBeenCalledTimes(1);
	});
});
