import { LauncherError } from '../cpanel/errors';

/** A failure as the user sees it: the specific message, with the stable code for support requests. */
export function ErrorNote({ error }: { error: unknown }) {
  if (!error) return null;
  const code = error instanceof LauncherError ? error.code : 'invalid_response';
  const message = error instanceof Error ? error.message : 'Something went wrong.';
  return (
    <p class="error" role="alert" data-testid="error" data-code={code}>
      {message}
    </p>
  );
}
