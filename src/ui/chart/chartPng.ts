/**
 * Exports a drawn chart as a PNG: the chart's SVG is cloned with the computed styles it
 * needs inlined (theme colours come from CSS, which an SVG drawn as an image would not
 * see), drawn onto a canvas with the chart's title and legend, and downloaded. Everything
 * stays in the page (blob URLs; no fonts or images are fetched).
 */
import { downloadBlob } from '../app/download';

/** The style properties an SVG needs to look the same outside the page's style sheets. */
const INLINED_PROPERTIES: readonly string[] = [
  'fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-opacity', 'stroke-dasharray', 'opacity',
  'font-family', 'font-size', 'font-weight', 'text-anchor', 'dominant-baseline', 'visibility',
];

const SCALE = 2;
const PADDING = 16;
const TITLE_FONT_PX = 15;
const LEGEND_FONT_PX = 12;
const LEGEND_LINE_PX = 20;
const SWATCH_PX = 10;

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** `chart-yyyyMMdd-HHmmss.png` for `date` in the user's local time (as browsers name downloads). */
export function chartPngFileName(date: Date): string {
  const day = `${date.getFullYear()}${pad2(date.getMonth() + 1)}${pad2(date.getDate())}`;
  const time = `${pad2(date.getHours())}${pad2(date.getMinutes())}${pad2(date.getSeconds())}`;
  return `chart-${day}-${time}.png`;
}

/** A legend entry drawn under the chart. */
export interface PngLegendEntry {
  readonly label: string;
  readonly color: string;
}

/** What goes into the PNG besides the drawing. */
export interface ChartPngOptions {
  readonly title: string | null;
  readonly legend: readonly PngLegendEntry[];
  readonly fileName: string;
}

/** A standalone copy of `svg` with its computed styles inlined. */
function standaloneSvg(svg: SVGSVGElement, width: number, height: number): string {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const originals = [svg, ...svg.querySelectorAll('*')];
  const copies = [clone, ...clone.querySelectorAll('*')];
  originals.forEach((element, i) => {
    const copy = copies[i] as SVGElement | undefined;
    if (copy === undefined) return;
    const computed = getComputedStyle(element);
    for (const name of INLINED_PROPERTIES) {
      const value = computed.getPropertyValue(name);
      if (value !== '') copy.style.setProperty(name, value);
    }
  });
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  if (!clone.hasAttribute('viewBox')) clone.setAttribute('viewBox', `0 0 ${width} ${height}`);
  return new XMLSerializer().serializeToString(clone);
}

async function loadImage(url: string): Promise<HTMLImageElement> {
  const image = new Image();
  image.src = url;
  await image.decode();
  return image;
}

/** Legend entries laid out in centred lines that fit `maxWidth` (as the page shows them). */
function layoutLegend(context: CanvasRenderingContext2D, entries: readonly PngLegendEntry[], maxWidth: number): { entry: PngLegendEntry; x: number; line: number }[] {
  const GAP = 16;
  const placed: { entry: PngLegendEntry; x: number; line: number }[] = [];
  const lineWidths: number[] = [0];
  let x = 0;
  let line = 0;
  for (const entry of entries) {
    const width = SWATCH_PX + 6 + context.measureText(entry.label).width;
    if (x > 0 && x + width > maxWidth) {
      x = 0;
      line++;
      lineWidths.push(0);
    }
    placed.push({ entry, x, line });
    lineWidths[line] = x + width;
    x += width + GAP;
  }
  return placed.map((p) => ({ ...p, x: p.x + Math.max(0, (maxWidth - lineWidths[p.line]) / 2) }));
}

/**
 * Draws the chart inside `host` (its recharts SVG) with `options.title` above and
 * `options.legend` below onto a canvas in the page's theme colours, and downloads it as
 * `options.fileName`. Rejects when there is no drawing or the browser cannot encode PNG.
 */
export async function exportChartPng(host: HTMLElement, options: ChartPngOptions): Promise<void> {
  const svg = host.querySelector<SVGSVGElement>('svg.recharts-surface');
  if (svg === null) throw new Error('no chart drawing to export');
  const box = svg.getBoundingClientRect();
  const width = Math.max(1, Math.round(box.width));
  const height = Math.max(1, Math.round(box.height));
  const rootStyle = getComputedStyle(document.documentElement);
  const background = rootStyle.getPropertyValue('--panel').trim() || '#ffffff';
  const textColor = rootStyle.getPropertyValue('--text').trim() || '#201f1e';
  const fontFamily = getComputedStyle(host).fontFamily;

  const svgUrl = URL.createObjectURL(new Blob([standaloneSvg(svg, width, height)], { type: 'image/svg+xml' }));
  let image: HTMLImageElement;
  try {
    image = await loadImage(svgUrl);
  } finally {
    URL.revokeObjectURL(svgUrl);
  }

  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d');
  if (context === null) throw new Error('no 2D canvas');
  const contentWidth = width;
  context.font = `${LEGEND_FONT_PX}px ${fontFamily}`;
  const legend = layoutLegend(context, options.legend, contentWidth);
  const legendLines = legend.length === 0 ? 0 : legend[legend.length - 1].line + 1;
  const titleHeight = options.title === null ? 0 : TITLE_FONT_PX + 12;
  const totalWidth = contentWidth + 2 * PADDING;
  const totalHeight = PADDING + titleHeight + height + (legendLines > 0 ? 8 + legendLines * LEGEND_LINE_PX : 0) + PADDING;
  canvas.width = totalWidth * SCALE;
  canvas.height = totalHeight * SCALE;
  context.scale(SCALE, SCALE);
  context.fillStyle = background;
  context.fillRect(0, 0, totalWidth, totalHeight);

  context.fillStyle = textColor;
  context.textBaseline = 'middle';
  if (options.title !== null) {
    context.font = `600 ${TITLE_FONT_PX}px ${fontFamily}`;
    context.textAlign = 'center';
    context.fillText(options.title, totalWidth / 2, PADDING + TITLE_FONT_PX / 2);
  }
  context.drawImage(image, PADDING, PADDING + titleHeight, width, height);

  context.font = `${LEGEND_FONT_PX}px ${fontFamily}`;
  context.textAlign = 'left';
  const legendTop = PADDING + titleHeight + height + 8;
  for (const { entry, x, line } of legend) {
    const y = legendTop + line * LEGEND_LINE_PX + LEGEND_LINE_PX / 2;
    context.fillStyle = entry.color;
    context.fillRect(PADDING + x, y - SWATCH_PX / 2, SWATCH_PX, SWATCH_PX);
    context.fillStyle = textColor;
    context.fillText(entry.label, PADDING + x + SWATCH_PX + 6, y);
  }

  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (blob === null) throw new Error('the browser could not encode the PNG');
  downloadBlob(blob, options.fileName);
}
