// Keeps secrets out of anything the live run prints or writes: a safety net behind tests that already
// never put a token in a name or an assertion message.
import { Transform, type TransformCallback } from 'node:stream';

export const MASK = '***';

export class SecretMasker {
  /** How many times a secret had to be masked; more than zero means a secret reached an output. */
  hits = 0;
  private readonly forms: string[];

  constructor(secrets: readonly string[]) {
    // The raw value and the encodings it could appear in (a URL, a lower-cased header dump).
    const forms = secrets.flatMap((secret) => [secret, encodeURIComponent(secret), secret.toLowerCase()]);
    this.forms = [...new Set(forms.filter((form) => form.length >= 8))].sort((a, b) => b.length - a.length);
  }

  mask(text: string): string {
    let out = text;
    for (const form of this.forms) {
      const parts = out.split(form);
      this.hits += parts.length - 1;
      out = parts.join(MASK);
    }
    return out;
  }

  /** A line-buffered stream filter, so a secret split across two chunks is still caught. */
  stream(): Transform {
    let pending = '';
    return new Transform({
      transform: (chunk: Buffer, _encoding, done: TransformCallback) => {
        pending += chunk.toString('utf8');
        const end = pending.lastIndexOf('\n') + 1;
        const ready = pending.slice(0, end);
        pending = pending.slice(end);
        done(null, ready ? this.mask(ready) : undefined);
      },
      flush: (done: TransformCallback) => done(null, pending ? this.mask(pending) : undefined),
    });
  }
}

/** A URL as it may be shown in a failure: secrets and any `session=` value replaced. */
export function showUrl(url: string, secrets: readonly string[]): string {
  const masked = new SecretMasker(secrets).mask(url);
  return masked.replace(/(session=)[^&#]*/gi, `$1${MASK}`);
}
