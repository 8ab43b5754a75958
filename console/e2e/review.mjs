// Review: the current diff of the session's repository is shown with its lines; a comment is
// added on a changed line with a tag, then sent to the agent (ConsoleIT checks the model got it).
import { check, scenario, shot, signedIn, until, api } from './lib.mjs';

const id = process.env.SESSION_ID;
const note = process.env.NOTE;

await scenario('review, comment and send to the agent', async (b) => {
  const { page } = await signedIn(b);
  await page.goto(`/sessions/${id}`);
  await page.getByRole('link', { name: 'Review' }).click();
  await page.getByRole('heading', { name: 'Review' }).waitFor();
  const file = page.getByRole('region', { name: 'README.md' });
  await file.waitFor();
  const added = file.locator('.dl-add').filter({ hasText: 'brave new world' });
  await added.waitFor();
  check(await file.locator('.dl-del').filter({ hasText: 'world' }).count() === 1, 'the removed line is not shown');
  await file.getByRole('button', { name: 'Comment on README.md line 2' }).click();
  const form = page.getByRole('form', { name: 'Comment on line 2' });
  await form.getByLabel('Comment').fill(note);
  await form.getByLabel('Tag').selectOption('clarity');
  await form.getByRole('button', { name: 'Add comment' }).click();
  // The comment comes back through the review surface: under its line and in the open list.
  await file.getByRole('note').filter({ hasText: note }).waitFor();
  const item = page.getByRole('checkbox', { name: new RegExp(note) });
  await item.check();
  await shot(page, 'review');
  await page.getByRole('button', { name: 'Send to agent' }).click();
  await page.getByRole('status').filter({ hasText: 'sent to the agent' }).waitFor();
  const comments = (await api(`/api/sessions/${id}/review/comments`)).comments;
  check(comments.length === 1 && comments[0].line_start === 2 && comments[0].tag === 'clarity'
    && comments[0].file_path === 'README.md', `the server has ${JSON.stringify(comments)}`);
  await until('the turn that carried it to end and resolve it', async () =>
    (await api(`/api/sessions/${id}/review/comments`)).comments[0].status === 'resolved', 90_000);
});
