// Renders BPMN/DMN models to PNG as Camunda Modeler shows them: node tools/models/render.mjs OUT_DIR MODEL...
// Developer tool: bpmn-js / dmn-js in headless Chromium (Debian's /usr/bin/chromium).
import { readFileSync, mkdirSync } from 'node:fs';
import { basename, join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';

const here = dirname(fileURLToPath(import.meta.url));
const [, , outDir, ...models] = process.argv;
mkdirSync(outDir, { recursive: true });
const browser = await puppeteer.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
});
try {
  for (const model of models) {
    const xml = readFileSync(model, 'utf8');
    const page = await browser.newPage();
    await page.setViewport({ width: 2400, height: 1400 });
    const bpmn = model.endsWith('.bpmn');
    const lib = bpmn ? 'bpmn-js/dist/bpmn-viewer.production.min.js' : 'dmn-js/dist/dmn-viewer.production.min.js';
    const css = bpmn ? ['bpmn-js/dist/assets/bpmn-js.css'] : ['dmn-js/dist/assets/dmn-js-shared.css', 'dmn-js/dist/assets/dmn-js-decision-table.css', 'dmn-js/dist/assets/dmn-js-drd.css'];
    await page.setContent(`<html><head>${css.map(c => `<style>${readFileSync(join(here, 'node_modules', c), 'utf8')}</style>`).join('')}</head>
      <body style="margin:0;background:white;font-family:'Noto Sans CJK SC',sans-serif"><div id="canvas" style="width:2400px;height:1400px"></div></body></html>`);
    await page.addScriptTag({ path: join(here, 'node_modules', lib) });
    const ok = await page.evaluate(async (xml, bpmn) => {
      if (bpmn) {
        const viewer = new BpmnJS({ container: '#canvas' });
        await viewer.importXML(xml);
        // actual size: the page grows to the whole diagram
        const canvas = viewer.get('canvas');
        const box = canvas.getActiveLayer().getBBox();
        const el = document.getElementById('canvas');
        el.style.width = (box.x + box.width + 60) + 'px';
        el.style.height = (box.y + box.height + 60) + 'px';
        canvas.resized();
        canvas.viewbox({ x: 0, y: 0, width: box.x + box.width + 60, height: box.y + box.height + 60 });
      } else {
        const viewer = new DmnJS({ container: '#canvas' });
        await viewer.importXML(xml);
        const table = viewer.getViews().find(v => v.type === 'decisionTable');
        if (table) await viewer.open(table);
      }
      return true;
    }, xml, bpmn);
    const file = join(outDir, basename(model).replace(/\.(bpmn|dmn)$/, '.png'));
    await page.setViewport({ width: await page.evaluate(() => document.getElementById('canvas').offsetWidth), height: await page.evaluate(() => document.getElementById('canvas').offsetHeight) });
    await page.screenshot({ path: file, fullPage: true });
    if (process.env.PARTS) {   // also in slices of 1400 px, to read the labels
      const w = await page.evaluate(() => document.body.scrollWidth), h = await page.evaluate(() => document.body.scrollHeight);
      for (let x = 0, i = 1; x < w; x += 1300, i++) {
        await page.screenshot({ path: file.replace('.png', `-${i}.png`), clip: { x, y: 0, width: Math.min(1400, w - x), height: h } });
      }
    }
    console.log('rendered', model, '->', file, ok);
    await page.close();
  }
} finally {
  await browser.close();
}
