/**
 * `npm run images [-- --force] [swift-s3api|ceph-rgw ...]`: builds the images of the container
 * targets swift-container and rgw-container (fixtures/containers/images.ts). An image whose
 * content-hash tag exists already is not rebuilt. Exit 1 with one line when Docker is unusable.
 */
import { BUILT_IMAGES, buildImage, dockerAvailable, type BuiltImage } from '../../fixtures/containers/images.ts';

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const force = args.includes('--force');
  const names = args.filter((a) => !a.startsWith('--'));
  const unknown = names.filter((n) => !(BUILT_IMAGES as string[]).includes(n));
  if (unknown.length) {
    process.stderr.write(`s3c images: unknown image ${unknown.join(', ')} (known: ${BUILT_IMAGES.join(', ')})\n`);
    return 2;
  }
  const missing = await dockerAvailable();
  if (missing) {
    process.stderr.write(`s3c images: ${missing}; the images are built with Docker (install docker and start the daemon)\n`);
    return 1;
  }
  const quiet = process.env.S3C_IMAGES_QUIET === '1';
  const log = (line: string): void => void (quiet ? undefined : process.stdout.write(`${line}\n`));
  for (const name of (names.length ? names : BUILT_IMAGES) as BuiltImage[]) {
    try {
      const r = await buildImage(name, log, force);
      process.stdout.write(`s3c images: ${r.tag} ${r.built ? `built in ${r.seconds} s` : 'up to date'}\n`);
    } catch (e) {
      process.stderr.write(`s3c images: ${name}: ${(e as Error).message.split('\n')[0]}\n`);
      return 1;
    }
  }
  return 0;
}

process.exitCode = await main();
