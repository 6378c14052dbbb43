import { describe, expect, it } from 'vitest';
import { composePath, parseMailto } from '../../../src/cpanel/mailto';
import { composeParams } from '../../emulator/roundcube';

const paramsOf = (path: string) =>
  Object.fromEntries(composeParams(new URL(path, 'https://webmail.example.com/cpsess1').searchParams));

describe('the emulator’s Roundcube compose parameters', () => {
  it('reads _to as a mailto: URI, as compose.php does: its query adds parameters of any name', () => {
    expect(
      paramsOf(
        '/3rdparty/roundcube/?_task=mail&_action=compose&_to=' +
          encodeURIComponent('mailto:a%2Bb@example.com?Subject=Hi&to=c@example.com&forward_uid=*'),
      ),
    ).toEqual({ to: 'a+b@example.com, c@example.com', subject: 'Hi', forward_uid: '*' });
  });

  it('sees exactly the fields of a path the extension built, nothing more', () => {
    const draft = parseMailto(
      'mailto:odd%3Fforward_uid%3D*@example.com,b@example.com?cc=c@example.com&subject=a%26_task%3Dsettings&body=1%25',
    );
    const built = composePath(draft, '[cut]');
    expect(paramsOf(built?.path ?? '')).toEqual({
      to: 'odd?forward_uid=*@example.com, b@example.com',
      cc: 'c@example.com',
      subject: 'a&_task=settings',
      body: '1%',
    });
  });
});
