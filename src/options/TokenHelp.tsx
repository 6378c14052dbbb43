/** How to make the token the form asks for, and why the extension asks for host access. */
export function TokenHelp({ first = false }: { first?: boolean }) {
  return (
    <section aria-labelledby="help-title">
      <h2 id="help-title">{first ? 'Get started: create an API token' : 'How to create an API token'}</h2>
      <ol class="steps">
        <li>Sign in to cPanel and open Security » Manage API Tokens.</li>
        <li>
          Choose Create, give the token a name (e.g. “Webmail Launcher”), and leave it without expiry or pick
          one.
        </li>
        <li>Copy the token: cPanel shows it only once. Paste it here with your cPanel user name.</li>
      </ol>
      <p class="muted">
        A WHM token (WHM » Development » Manage API Tokens) lets a root or reseller user open any account they
        own. When you save, the browser asks to let the extension reach that server: it needs that to call the
        API and nothing else. Tokens stay inside the extension, encrypted, and are never put in a web page or
        a URL.
      </p>
    </section>
  );
}
