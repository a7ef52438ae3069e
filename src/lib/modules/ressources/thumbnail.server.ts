// Thumbnails of image resources: WebP, 480 px wide at most, turned upright from EXIF.
import sharp from 'sharp';

export const THUMBNAIL_WIDTH = 480;
/** Pixels decoded at most (an 8000 × 6000 photo); a "pixel bomb" is refused before decoding. */
const MAX_INPUT_PIXELS = 50_000_000;

// No cache of decoded images and one thread: the server keeps a small memory budget.
sharp.cache(false);
sharp.concurrency(1);

export async function makeThumbnail(bytes: Uint8Array): Promise<Uint8Array> {
	const out = await sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' })
		.rotate()
		.resize({ width: THUMBNAIL_WIDTH, withoutEnlargement: true })
		.webp({ quality: 80 })
		.toBuffer();
	return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}
