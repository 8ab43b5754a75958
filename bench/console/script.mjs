// Budget 1: the compressed script of the console's first load, against 250 KB.
// The scripts are every one index.html names (module entry, modulepreload) and every one the
// browser actually fetched while the dashboard loaded (dynamic chunks included). Each is measured
// as the server sends it to a client that accepts gzip: the body bytes on the wire.
import http from 'node:http';
import { gzipSync } from 'node:zlib';
import { BASE, TOKEN, run, signedIn } from './lib.mjs';

const BUDGET_KB = 250;
// KB as Vite's build report counts them (1,000 bytes), so the two can be read side by side.
const kb = (n) => (n / 1000).toFixed(1);

/** The raw response (no decoding), so the byte count is what crossed the wire. */
function raw(url, encoding) {
  return new Promise((resolve, reject) => {
    http.get(url, { headers: { 'Accept-Encoding': encoding, Authorization: `Bearer ${TOKEN}` } }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

await run('script budget', async (b) => {
  const index = await raw(`${BASE}/`, 'identity');
  const html = index.body.toString('utf8');
  const named = new Set();
  for (const m of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)) named.add(new URL(m[1], BASE).href);
  for (const m of html.matchAll(/<link\b[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+)"/g)) named.add(new URL(m[1], BASE).href);
  for (const m of html.matchAll(/<link\b[^>]*\bhref="([^"]+)"[^>]*\brel="modulepreload"/g)) named.add(new URL(m[1], BASE).href);

  const context = await signedIn(b);
  const page = await context.newPage();
  const fetched = new Map();
  page.on('requestfinished', async (req) => {
    if (req.resourceType() !== 'script') return;
    const sizes = await req.sizes().catch(() => null);
    fetched.set(req.url(), sizes?.responseBodySize ?? null);
  });
  await page.goto('/');
  await page.getByRole('heading', { name: 'Active sessions' }).waitFor();
  // A chunk loaded on demand by the first screen comes after its first render.
  await page.waitForLoadState('networkidle');
  await context.close();

  const urls = [...new Set([...named, ...fetched.keys()])].sort();
  if (urls.length === 0) throw new Error(`index.html names no script and the browser fetched none:\n${html}`);
  let wire = 0;
  let identity = 0;
  let local = 0;
  let browserBytes = 0;
  const notGzipped = [];
  const lines = [];
  for (const url of urls) {
    const [gz, plain] = [await raw(url, 'gzip'), await raw(url, 'identity')];
    if (gz.status !== 200 || plain.status !== 200) throw new Error(`${url}: ${gz.status}/${plain.status}`);
    if (gz.headers['content-encoding'] !== 'gzip') notGzipped.push(url);
    wire += gz.body.length;
    identity += plain.body.length;
    local += gzipSync(plain.body, { level: 9 }).length;
    browserBytes += fetched.get(url) ?? 0;
    const how = [named.has(url) ? 'named by index.html' : null, fetched.has(url) ? 'fetched by the browser' : null]
      .filter(Boolean).join(', ');
    lines.push(`  ${new URL(url).pathname}: ${gz.body.length} B as sent (${gz.headers['content-encoding'] ?? 'identity'}), `
      + `${plain.body.length} B uncompressed; ${how}`);
  }
  console.log(`== Script of the first load: ${urls.length} file(s), ${kb(identity)} KB uncompressed; gzip -9 of the same bytes ${kb(local)} KB; `
    + `the browser received ${kb(browserBytes)} KB of body`);
  lines.forEach((l) => console.log(l));
  if (notGzipped.length) console.log(`  NOT gzipped by the server: ${notGzipped.join(' ')}`);
  console.log(`FIGURE script: ${kb(wire)} KB gzip as the server sends it, ${urls.length} file(s) `
    + `(budget ${BUDGET_KB} KB, ${(wire / 1000 / BUDGET_KB).toFixed(2)} of budget)`);
});
