// Bundles the UI into target/classes/flow-ui/, the folder the Flow server serves at "/".
import * as esbuild from "esbuild";
import { copyFileSync, mkdirSync, rmSync } from "node:fs";

const out = "target/classes/flow-ui";
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
await esbuild.build({
  entryPoints: ["src/main/web/main.tsx"],
  bundle: true,
  minify: true,
  sourcemap: false,
  format: "esm",
  target: "es2022",
  jsx: "automatic",
  jsxImportSource: "preact",
  outfile: `${out}/app.js`,
  legalComments: "linked",
  logLevel: "warning",
});
copyFileSync("src/main/web/index.html", `${out}/index.html`);
copyFileSync("src/main/web/app.css", `${out}/app.css`);
