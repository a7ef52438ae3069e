// HTTP server for the built app. The app's public origin comes from ORIGIN (or
// PUBLIC_BASE_URL) at run time: we stamp it on every request, so that SvelteKit's
// cross-site form check and the URLs it builds use the configured address.
import http from 'node:http';
import process from 'node:process';

// Empty values count as unset, as in the app's own configuration.
const port = Number(process.env.PORT || 3000);
const origin = new URL(
	process.env.ORIGIN || process.env.PUBLIC_BASE_URL || `http://localhost:${port}`
);
// Request bodies up to UPLOAD_MAX_MB + 5M, never under 55M (adapter-node’s default is 512K): a
// resource takes files up to UPLOAD_MAX_MB, a space's production up to 50 MB, the CSV import up
// to 20 MB, and an upload over the app's own limits must still reach the form to get its French
// message rather than a bare 413. The margin covers the form's other fields.
const uploadMaxMb = Number(process.env.UPLOAD_MAX_MB || 50);
process.env.BODY_SIZE_LIMIT ||= `${Math.max(Number.isFinite(uploadMaxMb) ? uploadMaxMb : 50, 50) + 5}M`;
process.env.PROTOCOL_HEADER = 'x-chantiers-origin-proto';
process.env.HOST_HEADER = 'x-chantiers-origin-host';

// Importing the handler runs the app's `init` (database, migrations, seed).
const { handler } = await import('../build/handler.js');

const server = http.createServer((req, res) => {
	req.headers['x-chantiers-origin-proto'] = origin.protocol.replace(':', '');
	req.headers['x-chantiers-origin-host'] = origin.host;
	handler(req, res, () => {
		res.statusCode = 404;
		res.end();
	});
});

await new Promise((resolve) =>
	server.listen({ port, host: process.env.HOST || '0.0.0.0' }, resolve)
);
console.log(`Chantiers est prêt sur ${origin.origin}`);

let stopping = false;
function shutdown(reason) {
	if (stopping) return;
	stopping = true;
	server.closeIdleConnections();
	server.close(() => process.emit('sveltekit:shutdown', reason));
	setTimeout(() => server.closeAllConnections(), 10_000).unref();
}
process.on('SIGINT', () => shutdown('SIGINT'));
process.on('SIGTERM', () => shutdown('SIGTERM'));
