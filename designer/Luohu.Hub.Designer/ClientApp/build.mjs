// Bundles the designer's front-end into the Razor class library's wwwroot/dist (served at
// /_content/Luohu.Hub.Designer/dist/). Run by the RCL's build; `npm run build` does the same by hand.
import { build } from 'esbuild';

await build({
  entryPoints: ['src/index.js'],
  outfile: '../wwwroot/dist/designer.js',
  bundle: true,
  format: 'iife',
  minify: true,
  sourcemap: true,
  target: ['es2020'],
  legalComments: 'linked',
  logLevel: 'warning',
});
