import type { LoginRequest } from '../cpanel/login';
import { send } from '../messages/client';

/** Posts the session in a form body, so it never appears in a URL, the history or a server log. */
function submitLogin({ url, session, fields }: LoginRequest): void {
  const form = document.createElement('form');
  form.method = 'POST';
  form.action = url;
  for (const [name, value] of Object.entries({ ...fields, session })) {
    const field = document.createElement('input');
    field.type = 'hidden';
    field.name = name;
    field.value = value;
    form.append(field);
  }
  document.body.append(form);
  form.submit();
}

function showProblem(code: string, message: string): void {
  document.title = 'Could not sign in';
  const status = document.getElementById('status');
  if (status) status.hidden = true;
  const problem = document.getElementById('problem');
  if (problem) problem.hidden = false;
  const text = document.getElementById('problem-message');
  if (text) text.textContent = message;
  const codeLine = document.getElementById('problem-code');
  if (codeLine) codeLine.textContent = code;
}

async function main(): Promise<void> {
  const launchId = location.hash.slice(1);
  try {
    const { login } = await send<'launch.claim'>({ type: 'launch.claim', launchId });
    const host = new URL(login.url).hostname;
    const status = document.getElementById('status');
    if (status) status.textContent = `Signing in to ${host}…`;
    submitLogin(login);
  } catch (error) {
    const code = (error as { code?: string }).code ?? 'invalid_response';
    showProblem(code, error instanceof Error ? error.message : String(error));
  }
}

void main();
