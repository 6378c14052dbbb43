import * as v from 'valibot';
import type { Credentials } from './credentials';
import { LauncherError, msg } from './errors';
import { isValidHost } from './host';
import { domainOwnerSchema, listDomainsSchema } from './schemas';
import type { TransportOptions } from './transport';
import { callUapi } from './uapi';
import { callWhm } from './whm';

/**
 * DomainInfo::list_domains: every domain of a cPanel account (main, addon, sub, parked), lower-cased and
 * without repeats, so an address's domain can be matched to the account that owns it.
 */
export async function listDomains(
  credentials: Credentials,
  options: TransportOptions = {},
): Promise<string[]> {
  const data = await callUapi(credentials, 'DomainInfo', 'list_domains', {}, options);
  const parsed = v.safeParse(listDomainsSchema, data);
  if (!parsed.success) {
    throw new LauncherError('invalid_response', msg('error_domain_list_shape'));
  }
  const { main_domain, addon_domains, sub_domains, parked_domains } = parsed.output;
  const all = [main_domain, ...(addon_domains ?? []), ...(sub_domains ?? []), ...(parked_domains ?? [])];
  // Wildcard subdomains (`*.example.com`) and other non-names can never be the domain of an address.
  return [...new Set(all.map((domain) => domain.trim().toLowerCase()))].filter(isValidHost);
}

/**
 * WHM getdomainowner: the cPanel user that owns `domain`, or undefined when no account visible to this
 * token has it. Every other failure (token, network, a missing argument) still throws.
 */
export async function findDomainOwner(
  credentials: Credentials,
  domain: string,
  options: TransportOptions = {},
): Promise<string | undefined> {
  const name = typeof domain === 'string' ? domain.trim().toLowerCase().replace(/\.$/, '') : '';
  if (!isValidHost(name)) throw new LauncherError('bad_input', msg('error_domain_invalid'));
  const data = await callWhm(credentials, 'getdomainowner', { domain: name }, options);
  const parsed = v.safeParse(domainOwnerSchema, data);
  if (!parsed.success) {
    throw new LauncherError('invalid_response', msg('error_answer_malformed', 'WHM getdomainowner'));
  }
  // A domain no account visible to this token has: result 1 with `user` null (Whostmgr/API/1/Accounts.pm).
  return parsed.output.user || undefined;
}
