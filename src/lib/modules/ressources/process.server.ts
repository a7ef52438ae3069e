// After an upload: the document's text is extracted and indexed, and images get a thumbnail,
// in the background — through the job queue when it runs, in this process otherwise (resources
// left `pending` by a stopped process are taken up again at start).
import type { Ctx } from '../../server/context';
import { log } from '../../server/log';

export const PROCESS_QUEUE = 'ressources.process';

/** Asks for a resource's file to be processed; returns at once. */
export async function requestProcessing(ctx: Ctx, resourceId: string): Promise<void> {
	if (ctx.enqueue) {
		await ctx.enqueue(PROCESS_QUEUE, { resourceId }, { singletonKey: resourceId });
		return;
	}
	setImmediate(() => {
		processResource(ctx, resourceId).catch((err) => log.error('[ressources]', err));
	});
}

/** Extracts and indexes the text of the resource's file, makes its thumbnail. */
export async function processResource(ctx: Ctx, resourceId: string): Promise<void> {
	void ctx;
	void resourceId;
	throw new Error('processResource is not written yet');
}
