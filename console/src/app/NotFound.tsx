export function NotFound() {
  return (
    <section class="panel">
      <h1>Nothing here</h1>
      <p>This page does not exist. <a href="/">Go to the dashboard.</a></p>
    </section>
  );
}
