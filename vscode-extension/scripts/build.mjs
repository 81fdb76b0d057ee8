// Bundles the extension with esbuild into dist/extension.js.
//   node scripts/build.mjs               development build (source maps)
//   node scripts/build.mjs --production  minified, what the .vsix ships
//   node scripts/build.mjs --tests       also bundles test/*.test.ts into out/test/ for `node --test`
import { build } from 'esbuild';
import { readdirSync } from 'fs';
import { dirname, join } from 'path';
import { fileURLToPath } from 'url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const production = process.argv.includes('--production');
const tests = process.argv.includes('--tests');
const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'warning' };

await build({
  ...common,
  entryPoints: [join(root, 'src/extension.ts')],
  outfile: join(root, 'dist/extension.js'),
  external: ['vscode'],
  minify: production,
  sourcemap: !production,
});

if (tests) {
  const entries = readdirSync(join(root, 'test'))
    .filter((f) => f.endsWith('.test.ts'))
    .map((f) => join(root, 'test', f));
  await build({ ...common, entryPoints: entries, outdir: join(root, 'out/test'), sourcemap: true });
}
