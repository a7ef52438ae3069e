// An S3-compatible server for tests (s3rver, in this process), on a free port and a fresh folder.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';

export const TEST_BUCKET = 'chantiers-test';

export interface TestS3 {
	env: {
		S3_BUCKET: string;
		S3_ENDPOINT: string;
		S3_ACCESS_KEY_ID: string;
		S3_SECRET_ACCESS_KEY: string;
		S3_FORCE_PATH_STYLE: 'true';
	};
	/** Every key in the bucket. */
	keys(): Promise<string[]>;
	stop(): Promise<void>;
}

export async function startS3(): Promise<TestS3> {
	const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'chantiers-s3-'));
	const server = new S3rver({
		port: 0,
		address: '127.0.0.1',
		silent: true,
		directory: dir,
		configureBuckets: [{ name: TEST_BUCKET, configs: [] }]
	});
	const { port } = (await server.run()) as { port: number };
	const env = {
		S3_BUCKET: TEST_BUCKET,
		S3_ENDPOINT: `http://127.0.0.1:${port}`,
		// s3rver's fixed credentials.
		S3_ACCESS_KEY_ID: 'S3RVER',
		S3_SECRET_ACCESS_KEY: 'S3RVER',
		S3_FORCE_PATH_STYLE: 'true' as const
	};
	const client = new S3Client({
		endpoint: env.S3_ENDPOINT,
		region: 'us-east-1',
		forcePathStyle: true,
		credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' }
	});
	return {
		env,
		async keys() {
			const out = await client.send(new ListObjectsV2Command({ Bucket: TEST_BUCKET }));
			return (out.Contents ?? []).map((o) => o.Key ?? '').sort();
		},
		async stop() {
			client.destroy();
			await server.close();
			await fs.rm(dir, { recursive: true, force: true });
		}
	};
}
