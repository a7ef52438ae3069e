/**
 * HTTP answers for calendar files: the iCalendar type, a file name, validators (ETag and
 * Last-Modified) so that calendar apps polling every hour mostly get a 304.
 */
export interface CalendarFile {
	body: string;
	filename: string;
	/** attachment: one event to add; inline: a feed to subscribe to. */
	disposition: 'attachment' | 'inline';
	etag?: string;
	lastModified?: Date;
	/** The personal feed: never in a shared cache. */
	personal?: boolean;
}

export function calendarResponse(request: Request, file: CalendarFile): Response {
	const ascii = file.filename.replace(/[^\w.-]+/g, '_');
	const headers: Record<string, string> = {
		'content-type': 'text/calendar; charset=utf-8',
		'content-disposition': `${file.disposition}; filename="${ascii}"`,
		'cache-control': file.personal ? 'private, no-cache' : 'public, max-age=300',
		'x-content-type-options': 'nosniff'
	};
	if (file.personal) headers['x-robots-tag'] = 'noindex';
	if (file.etag) headers.etag = file.etag;
	if (file.lastModified && file.lastModified.getTime() > 0) {
		headers['last-modified'] = file.lastModified.toUTCString();
	}
	const match = request.headers.get('if-none-match');
	if (file.etag && match && match.split(/\s*,\s*/).includes(file.etag)) {
		return new Response(null, { status: 304, headers });
	}
	return new Response(file.body, { headers });
}
