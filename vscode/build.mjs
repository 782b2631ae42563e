// Bundles the extension (Node, CommonJS) and the two notebook renderers (browser ES modules,
// plotly.js and mermaid inlined so nothing loads from a CDN).
import { build } from 'esbuild';

const common = { bundle: true, minify: true, sourcemap: false, logLevel: 'warning', legalComments: 'none' };
await Promise.all([
  build({ ...common, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', platform: 'node', format: 'cjs', target: 'node18', external: ['vscode'] }),
  build({ ...common, entryPoints: ['renderers/plotly.ts'], outfile: 'dist/renderers/plotly.js', platform: 'browser', format: 'esm', target: 'es2020' }),
  build({ ...common, entryPoints: ['renderers/mermaid.ts'], outfile: 'dist/renderers/mermaid.js', platform: 'browser', format: 'esm', target: 'es2020' }),
  // The pure modules the unit tests load under Node.
  build({ ...common, minify: false, entryPoints: ['src/dibFormat.ts', 'src/kernelNames.ts', 'src/kernelClient.ts', 'src/toolDiscovery.ts'], outdir: 'dist/lib', platform: 'node', format: 'cjs', target: 'node18', bundle: false }),
]);
