import type { LoginRequest } from '../cpanel/login';

/**
 * Posts the session in a form body, so it never appears in a URL, the history or a server log. `newTab`
 * posts into a new tab with `noopener`, so the Webmail page cannot reach back into the extension page.
 */
export function postLogin({ url, session, fields }: LoginRequest, { newTab = false } = {}): void {
  const form = document.createElement('form');
  form.method = 'POST';
  form.action = url;
  if (newTab) {
    form.target = '_blank';
    form.rel = 'noopener';
  }
  for (const [name, value] of Object.entries({ ...fields, session })) {
    const field = document.createElement('input');
    field.type = 'hidden';
    field.name = name;
    field.value = value;
    form.append(field);
  }
  document.body.append(form);
  form.submit();
  if (newTab) form.remove();
}
