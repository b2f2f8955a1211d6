// The sign-in link carries its token after `#`, which browsers never send to a server (no proxy log
// holds it, no link preview can use it up). This posts it once; the server answers with the session.
(() => {
  const form = document.getElementById('signin');
  const token = location.hash.slice(1);
  if (!form || !token) return;
  form.elements.token.value = token;
  history.replaceState(null, '', location.pathname + location.search);
  form.submit();
})();
