import type { ErrorCode } from '../../src/cpanel/errors';
import type { FaultKind } from '../emulator';

/**
 * The error code each HTTP-level emulator fault must come out as, one table for the client tests in Node and
 * the suites in Chromium. A hung response (`hang` → `timeout`) is left out: it takes the full timeout.
 */
export const FAULT_CODES: [FaultKind, ErrorCode][] = [
  ['http401', 'auth_failed'],
  ['http403', 'auth_failed'],
  ['htmlLogin', 'not_json'],
  ['licenseError', 'not_json'],
  ['status0', 'api_error'],
  ['http500', 'api_error'],
  ['truncatedJson', 'not_json'],
  ['malformedJson', 'not_json'],
  ['wrongShape', 'invalid_response'],
  ['unsafeSession', 'invalid_response'],
  ['reset', 'network'],
];
