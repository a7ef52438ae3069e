import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { createTestDb, makeUser, type TestDb } from '../helpers/db';
import { emails } from '../../src/lib/server/db/schema';
import {
	getEmail,
	getEmailAttachment,
	listEmails,
	sendEmail
} from '../../src/lib/server/email/outbox';
import { startJobs, type Jobs } from '../../src/lib/server/jobs';
import { ForbiddenError, NotFoundError, UnauthenticatedError } from '../../src/lib/server/errors';

/** Polls `read` until `done` holds for its value, or fails after `timeoutMs`. */
async function waitFor<T>(
	read: () => Promise<T> | T,
	done: (value: T) => boolean,
	timeoutMs = 10_000
): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await read();
		if (done(value)) return value;
		if (Date.now() > deadline) {
			throw new Error(`Timed out after ${timeoutMs} ms; last value: ${JSON.stringify(value)}`);
		}
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
}

// --- A real SMTP server, and just enough MIME decoding to read what it received ---

interface Received {
	rcptTo: string[];
	raw: string;
}

function decodeBytes(encoded: string) {
	return Buffer.from(
		encoded.replace(/=([0-9A-Fa-f]{2})/g, (_, hex: string) =>
			String.fromCharCode(parseInt(hex, 16))
		),
		'latin1'
	).toString('utf8');
}

/** RFC 2047 encoded words (=?UTF-8?Q?…?= or =?UTF-8?B?…?=) back to text. */
function decodeWords(value: string) {
	return value
		.replace(/(\?=)\s+(=\?)/g, '$1$2')
		.replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_, _charset, kind: string, text: string) =>
			kind.toUpperCase() === 'B'
				? Buffer.from(text, 'base64').toString('utf8')
				: decodeBytes(text.replace(/_/g, ' '))
		);
}

function parseMessage(raw: string) {
	const split = raw.indexOf('\r\n\r\n');
	const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
	const headers = new Map<string, string>();
	for (const line of head.split('\r\n')) {
		const colon = line.indexOf(':');
		headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
	}
	let body = raw.slice(split + 4);
	const encoding = headers.get('content-transfer-encoding')?.toLowerCase();
	if (encoding === 'quoted-printable') body = decodeBytes(body.replace(/=\r\n/g, ''));
	else if (encoding === 'base64') body = Buffer.from(body, 'base64').toString('utf8');
	return { headers, body: body.replace(/\r\n/g, '\n') };
}

const received: Received[] = [];
const rcptCalls = new Map<string, number>();
const receivedBy = (address: string) => received.filter((m) => m.rcptTo.includes(address));

function smtpError(code: number, message: string) {
	return Object.assign(new Error(message), { responseCode: code });
}

const smtp = new SMTPServer({
	authOptional: true,
	disabledCommands: ['STARTTLS'],
	logger: false,
	onRcptTo(address, _session, callback) {
		const to = address.address.toLowerCase();
		const calls = (rcptCalls.get(to) ?? 0) + 1;
		rcptCalls.set(to, calls);
		// The first attempt is refused for a while; the second gets through.
		if (to === 'reessai@example.org' && calls === 1) {
			return callback(smtpError(451, 'Boîte momentanément indisponible'));
		}
		if (to === 'refuse@example.org') return callback(smtpError(550, 'Boîte inconnue'));
		callback();
	},
	onData(stream, session, callback) {
		const chunks: Buffer[] = [];
		stream.on('data', (chunk: Buffer) => chunks.push(chunk));
		stream.on('end', () => {
			received.push({
				rcptTo: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
				raw: Buffer.concat(chunks).toString('utf8')
			});
			callback();
		});
	}
});

let smtpPort = 0;
beforeAll(async () => {
	await new Promise<void>((resolve, reject) => {
		smtp.once('error', reject);
		smtp.listen(0, '127.0.0.1', () => resolve());
	});
	smtpPort = (smtp.server.address() as AddressInfo).port;
});
afterAll(async () => {
	await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

const message = (to: string) => ({
	to,
	kind: 'test',
	subject: 'Votre demande a bien été reçue — Chantiers coopératifs',
	text: 'Bonjour Léa,\n\nNous avons bien reçu votre demande d’adhésion.\nÀ très bientôt !'
});

describe('without SMTP_URL', () => {
	let t: TestDb;
	beforeAll(async () => {
		t = await createTestDb();
	});
	afterAll(async () => t.close());

	it('keeps the email in the outbox and queues nothing', async () => {
		const enqueue = vi.fn(async () => undefined);
		const id = await sendEmail({ ...t.ctx, enqueue }, message('lea@example.org'));
		expect(enqueue).not.toHaveBeenCalled();
		const [row] = await t.ctx.db.select().from(emails).where(eq(emails.id, id));
		expect(row).toMatchObject({ status: 'outbox', attempts: 0, lastError: null, sentAt: null });
		expect(received).toHaveLength(0);
	});

	it('keeps attachments with the email in the outbox', async () => {
		const attachment = {
			filename: 'a.ics',
			contentType: 'text/calendar',
			content: 'BEGIN:VCALENDAR'
		};
		const id = await sendEmail(t.ctx, { ...message('pj@example.org'), attachments: [attachment] });
		const [row] = await t.ctx.db.select().from(emails).where(eq(emails.id, id));
		expect(row).toMatchObject({ status: 'outbox', attachments: [attachment] });
		const { actor: member } = await makeUser(t.ctx, 'membre');
		await expect(getEmailAttachment(t.ctx, member, id, 0)).rejects.toThrow(ForbiddenError);
	});

	it('shows the outbox to admins only', async () => {
		const id = await sendEmail(t.ctx, message('marc@example.org'));
		const { actor: member } = await makeUser(t.ctx, 'membre');
		const { actor: admin } = await makeUser(t.ctx, 'admin');

		await expect(listEmails(t.ctx, null)).rejects.toThrow(UnauthenticatedError);
		await expect(getEmail(t.ctx, null, id)).rejects.toThrow(UnauthenticatedError);
		await expect(listEmails(t.ctx, member)).rejects.toThrow(ForbiddenError);
		await expect(getEmail(t.ctx, member, id)).rejects.toThrow(ForbiddenError);

		const list = await listEmails(t.ctx, admin);
		expect(list.find((e) => e.id === id)).toMatchObject({
			to: 'marc@example.org',
			subject: message('').subject,
			status: 'outbox'
		});
		const email = await getEmail(t.ctx, admin, id);
		expect(email).toMatchObject({ to: 'marc@example.org', text: message('').text });
		await expect(getEmail(t.ctx, admin, crypto.randomUUID())).rejects.toThrow(NotFoundError);
	});
});

describe('with SMTP_URL', () => {
	let t: TestDb;
	let jobs: Jobs;
	beforeAll(async () => {
		t = await createTestDb({ SMTP_URL: `smtp://127.0.0.1:${smtpPort}` });
		// One retry, 2 s later: long enough to see the row between attempts, short for the run.
		jobs = await startJobs(t.ctx, t.url, {
			retryLimit: 1,
			retryDelaySeconds: 2,
			retryBackoff: false,
			pollingIntervalSeconds: 0.5
		});
		t.ctx.enqueue = jobs.enqueue;
	});
	afterAll(async () => {
		await jobs?.stop();
		await t?.close();
	});

	const row = async (id: string) =>
		(await t.ctx.db.select().from(emails).where(eq(emails.id, id)))[0]!;

	it('sends through the SMTP server and marks the email sent', async () => {
		const id = await sendEmail(t.ctx, message('lea@example.org'));
		expect((await row(id)).status).not.toBe('outbox');

		const [mail] = await waitFor(
			() => receivedBy('lea@example.org'),
			(list) => list.length > 0
		);
		const { headers, body } = parseMessage(mail!.raw);
		expect(headers.get('to')).toBe('lea@example.org');
		expect(headers.get('from')).toContain('<ne-pas-repondre@chantiers.example.org>');
		// Accents go out encoded (RFC 2047), and decode back to the original subject.
		expect(headers.get('subject')).toMatch(/^[\x20-\x7e]+$/);
		expect(headers.get('subject')).toMatch(/=\?utf-8\?/i);
		expect(decodeWords(headers.get('subject')!)).toBe(message('').subject);
		expect(decodeWords(headers.get('from')!)).toContain('Chantiers coopératifs');
		expect(body.split('\n')).toContain('Nous avons bien reçu votre demande d’adhésion.');

		const sent = await waitFor(
			() => row(id),
			(r) => r.status === 'sent'
		);
		expect(sent.sentAt).toBeInstanceOf(Date);
		expect(sent).toMatchObject({ attempts: 1, lastError: null });
		expect(receivedBy('lea@example.org')).toHaveLength(1);
	});

	it('stores an .ics attachment and delivers it with the email', async () => {
		const ics =
			'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nSUMMARY:Réunion du chantier\r\nEND:VCALENDAR\r\n';
		const attachment = {
			filename: 'reunion.ics',
			contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
			content: ics
		};
		const id = await sendEmail(t.ctx, { ...message('ics@example.org'), attachments: [attachment] });
		expect((await row(id)).attachments).toEqual([attachment]);
		const { actor: admin } = await makeUser(t.ctx, 'admin');
		expect(await getEmailAttachment(t.ctx, admin, id, 0)).toEqual(attachment);
		await expect(getEmailAttachment(t.ctx, admin, id, 1)).rejects.toThrow(NotFoundError);

		const [mail] = await waitFor(
			() => receivedBy('ics@example.org'),
			(list) => list.length > 0
		);
		const { headers } = parseMessage(mail!.raw);
		const boundary = /boundary="?([^";]+)"?/.exec(headers.get('content-type') ?? '')?.[1];
		expect(headers.get('content-type')).toMatch(/^multipart\/mixed/);
		const parts = mail!.raw.split(`--${boundary}`).map((p) => p.replace(/^\r\n/, ''));
		const file = parts
			.map(parseMessage)
			.find((p) => /reunion\.ics/.test(p.headers.get('content-disposition') ?? ''));
		expect(file?.headers.get('content-type')).toMatch(/^text\/calendar/);
		expect(file?.headers.get('content-disposition')).toMatch(/^attachment/);
		expect(file?.body.trim()).toBe(ics.replace(/\r\n/g, '\n').trim());
		const text = parts
			.map(parseMessage)
			.find((p) => /^text\/plain/.test(p.headers.get('content-type') ?? ''));
		expect(text?.body.split('\n')).toContain('Nous avons bien reçu votre demande d’adhésion.');
	});

	it('retries a refused delivery, and sends it once', async () => {
		const id = await sendEmail(t.ctx, message('reessai@example.org'));

		const between = await waitFor(
			() => row(id),
			(r) => r.attempts >= 1
		);
		expect(between).toMatchObject({ status: 'queued', attempts: 1, sentAt: null });
		expect(between.lastError).toMatch(/451/);
		expect(receivedBy('reessai@example.org')).toHaveLength(0);

		const sent = await waitFor(
			() => row(id),
			(r) => r.status === 'sent'
		);
		expect(sent).toMatchObject({ attempts: 2, lastError: null });
		expect(sent.sentAt).toBeInstanceOf(Date);
		expect(rcptCalls.get('reessai@example.org')).toBe(2);
		expect(receivedBy('reessai@example.org')).toHaveLength(1);
	});

	it('marks the email failed once the retries are used up', async () => {
		const id = await sendEmail(t.ctx, message('refuse@example.org'));

		const between = await waitFor(
			() => row(id),
			(r) => r.attempts >= 1
		);
		expect(between).toMatchObject({ status: 'queued', attempts: 1 });

		const failed = await waitFor(
			() => row(id),
			(r) => r.status === 'failed'
		);
		expect(failed).toMatchObject({ attempts: 2, sentAt: null });
		expect(failed.lastError).toMatch(/550/);
		expect(rcptCalls.get('refuse@example.org')).toBe(2);
		expect(receivedBy('refuse@example.org')).toHaveLength(0);
	});
});
