import { readFileSync } from 'node:fs';

/** The vendor's response examples copied into test/fixtures/cpanel-api/examples.json. */
export interface VendorExamples {
  uapi_flat: Record<string, unknown>;
  uapi_cli_wrapped: Record<string, unknown>;
  whm_api1: Record<string, unknown>;
  formats: Record<string, string>;
}

export const vendorExamples: VendorExamples = JSON.parse(
  readFileSync(new URL('../fixtures/cpanel-api/examples.json', import.meta.url), 'utf8'),
);

export function uapiExample(name: string): Record<string, unknown> {
  const example = vendorExamples.uapi_flat[name];
  if (!example) throw new Error(`No UAPI example named ${name}`);
  return example as Record<string, unknown>;
}
