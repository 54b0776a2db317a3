import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { createStaticServer } from '../e2e/serve.mjs';
const server = createStaticServer();
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true });
const rows = readFileSync('/work/review/answers-r2.jsonl', 'utf8').trim().split('\n').map((l) => JSON.parse(l));
const pick = { N02: 'lean', N09: 'blocked', N17: 'voice' };
for (const row of rows) {
  const id = row.$title.slice(0, 3);
  if (!pick[id]) continue;
  const answers = { ...row }; delete answers.$title;
  for (const [theme, width] of [['light', 1100], ['dark', 1100], ['light', 320]]) {
    const page = await browser.newPage({ viewport: { width, height: 900 }, colorScheme: theme });
    await page.goto(`${base}/www/battery/empty.html`);
    await page.evaluate(({ answers, theme }) => {
      document.body.style.background = theme === 'dark' ? '#111' : '#fff';
      const el = document.createElement('decision-guide');
      el.setAttribute('theme', theme);
      el.setAttribute('answers', JSON.stringify(answers));
      document.querySelector('#a').append(el);
    }, { answers, theme });
    await page.waitForFunction(() => document.querySelector('decision-guide')?.shadowRoot?.querySelector('.dg[data-live="true"]'));
    await page.waitForTimeout(300);
    const el = page.locator('decision-guide .dg-result').first();
    const res = await page.evaluateHandle(() => document.querySelector('decision-guide').shadowRoot.querySelector('.dg-result'));
    await res.asElement().screenshot({ path: `/tmp/shots/${id}-${pick[id]}-${theme}-${width}.png` });
    await page.close();
  }
}
await browser.close(); server.close();
console.log('done');
