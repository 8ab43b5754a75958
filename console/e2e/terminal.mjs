// The session's terminal: a real shell in a pseudo-terminal, driven through xterm.js in the page.
// Typed keys reach the shell and its output comes back; a narrower window reaches the program as a
// new size (stty size); closing the panel destroys the terminal and its shell is gone.
import { existsSync } from 'node:fs';
import { check, scenario, shot, signedIn, socketFrames, until } from './lib.mjs';

const id = process.env.SESSION_ID;

await scenario('a terminal in the session', async (b) => {
  const { page } = await signedIn(b, { viewport: { width: 1200, height: 900 } });
  await page.goto(`/sessions/${id}`);
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.getByRole('button', { name: 'Terminal', exact: true }).click();
  const panel = page.getByRole('region', { name: 'Terminal' });
  await panel.locator('[data-terminal-phase="open"]').or(page.locator('[data-terminal-phase="open"]')).first().waitFor();
  const screen = () => panel.locator('.xterm-rows').innerText();
  const type = async (line) => {
    await panel.locator('.xterm').click();
    await page.keyboard.type(line);
    await page.keyboard.press('Enter');
  };

  await type('echo "hello-$((6*7))"; echo "pid=$$"');
  await until('the shell to answer', async () => (await screen()).includes('hello-42'));
  // Its text must be readable: xterm's own theme is refused by the CSP, the console's stylesheet gives one.
  const colours = await panel.locator('.xterm-rows').evaluate((el) => [getComputedStyle(el).color, getComputedStyle(el.closest('.term-host')).backgroundColor]);
  check(colours[0] !== colours[1] && colours[0] !== 'rgb(27, 29, 34)', `the terminal's text is ${colours[0]} on ${colours[1]}`);
  const pid = /pid=(\d+)/.exec(await screen())?.[1];
  check(pid && existsSync(`/proc/${pid}`), `no running shell behind the terminal (pid ${pid})`);

  const size = async () => {
    await type('clear; stty size');
    const text = await until('stty size', async () => /^(\d+) (\d+)\s*$/m.exec(await screen()));
    return { rows: Number(text[1]), cols: Number(text[2]) };
  };
  const before = await size();
  const shownRows = await panel.locator('.xterm-rows > div').count();
  check(before.rows === shownRows, `the shell sees ${before.rows} rows, the page shows ${shownRows}`);
  await shot(page, 'terminal');
  await page.setViewportSize({ width: 800, height: 900 });
  const after = await until('the narrower size to reach the shell', async () => {
    const s = await size();
    return s.cols < before.cols ? s : null;
  });
  check(after.rows === before.rows, `the rows changed with the width: ${JSON.stringify({ before, after })}`);

  await page.getByRole('button', { name: 'Terminal', exact: true }).click();
  await panel.waitFor({ state: 'detached' });
  await until('terminal_exited', async () => socketFrames().some((f) => f.includes('"terminal_exited"')));
  await until(`the shell ${pid} to be gone`, async () => !existsSync(`/proc/${pid}`));
});
