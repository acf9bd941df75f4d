export default function AppRouterAbout() {
  return (
    <>
      <h1>About (App Router)</h1>
      <p>This page checks no session: it sits outside the protected layout.</p>
    </>
  );
}
