/** A file whose text cannot be read; the message is kept for moderators (textError). */
export class ExtractionError extends Error {}
