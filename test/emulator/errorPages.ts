// The HTML pages a cPanel server (or what stands in front of it) answers with where an API client expected
// JSON, as the `html-*` faults serve them. Short texts quoted from the stock cPanel & WHM 11.120 tree; the
// layout around them is reduced to what a client could key on.

/** Cpanel/LegacyLogin.pm with `brute` set: cPHulk locked the login out. */
export function cphulkPage(): string {
  return `<!DOCTYPE html>
<html>
<head><meta charset="utf-8"><title>Login</title></head>
<body>
<h1>Brute Force Protection</h1>
This account is currently locked out because a <a href='http://en.wikipedia.org/wiki/Brute_force_attack'>brute force attempt</a> was detected.  Please wait a few minutes and try again.  Attempting to login again will only increase this delay.
</body>
</html>
`;
}

/**
 * Cloudflare's "521: Web server is down", served in front of the server when its origin refuses the proxy. Not
 * from the cPanel tree: the markers (title, cf-error-details, Ray ID) are Cloudflare's public error pages'.
 */
export function cloudflarePage(host: string): string {
  return `<!DOCTYPE html>
<html lang="en-US">
<head><meta charset="UTF-8" /><title>${host} | 521: Web server is down</title></head>
<body>
<div id="cf-wrapper"><div id="cf-error-details" class="p-0">
<header><h1><span class="inline-block">Web server is down</span> <span class="code-label">Error code 521</span></h1></header>
<p>The web server is not returning a connection. As a result, the web page is not displaying.</p>
<p>Cloudflare Ray ID: <strong>8c2f9a7b1d3e4f56</strong> &bull; Performance &amp; security by Cloudflare</p>
</div></div>
</body>
</html>
`;
}

/** Something else on the port: a web server's default page (a guess at what a misrouted port shows). */
export function otherPage(): string {
  return `<!DOCTYPE html>
<html><head><title>Welcome</title></head>
<body><h1>It works!</h1><p>This is the default web page for this server.</p></body>
</html>
`;
}
