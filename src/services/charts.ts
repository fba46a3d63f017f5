// SVG to PNG without a browser (resvg), with a bundled font that covers
// Vietnamese so diacritics never depend on the server's fonts.
import { createRequire } from "node:module";
import path from "node:path";
import type { Resvg as ResvgClass } from "@resvg/resvg-js";

const require = createRequire(import.meta.url);
const fontDir = path.join(path.dirname(require.resolve("dejavu-fonts-ttf/package.json")), "ttf");
const FONT_FILES = [path.join(fontDir, "DejaVuSans.ttf"), path.join(fontDir, "DejaVuSans-Bold.ttf")];

// Loaded with the first chart: a process that never draws one does not carry the renderer.
let resvgModule: Promise<typeof ResvgClass> | undefined;
const loadResvg = () => (resvgModule ??= import("@resvg/resvg-js").then((m) => m.Resvg));

export async function renderPng(svg: string): Promise<Uint8Array> {
  const Resvg = await loadResvg();
  const resvg = new Resvg(svg, {
    font: { fontFiles: FONT_FILES, loadSystemFonts: false, defaultFontFamily: "DejaVu Sans" },
    background: "#ffffff",
  });
  return resvg.render().asPng();
}
