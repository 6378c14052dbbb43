// Look-ups over the live fixture. No indexes on purpose: tests may mutate the fixture at any time,
// and a linear scan of even 10,000 mailboxes is far below a millisecond.
import type { CpanelAccountFixture, Fixture, MailboxFixture, WhmUserFixture } from './types';

export interface MailboxMatch {
  account: CpanelAccountFixture;
  mailbox: MailboxFixture;
}

export class Directory {
  constructor(readonly fixture: Fixture) {}

  account(user: string): CpanelAccountFixture | undefined {
    return this.fixture.accounts.find((a) => a.user === user);
  }

  whmUser(user: string): WhmUserFixture | undefined {
    return this.fixture.whmUsers.find((w) => w.user === user);
  }

  /** Main, addon, sub and parked domains, lowercase. */
  domainsOf(account: CpanelAccountFixture): string[] {
    return [
      account.mainDomain,
      ...(account.addonDomains ?? []),
      ...(account.subDomains ?? []),
      ...(account.parkedDomains ?? []),
    ].map((d) => d.toLowerCase());
  }

  ownsDomain(account: CpanelAccountFixture, domain: string): boolean {
    return this.domainsOf(account).includes(domain.toLowerCase());
  }

  accountForDomain(domain: string): CpanelAccountFixture | undefined {
    return this.fixture.accounts.find((a) => this.ownsDomain(a, domain));
  }

  mailboxOf(account: CpanelAccountFixture, email: string): MailboxFixture | undefined {
    const wanted = email.toLowerCase();
    return account.mailboxes.find((m) => m.email.toLowerCase() === wanted);
  }

  findMailbox(email: string): MailboxMatch | undefined {
    for (const account of this.fixture.accounts) {
      const mailbox = this.mailboxOf(account, email);
      if (mailbox) return { account, mailbox };
    }
    return undefined;
  }

  /** Root owns everything; a reseller owns the accounts listed in `owns` (and those naming it owner). */
  owns(whm: WhmUserFixture, account: CpanelAccountFixture): boolean {
    if (whm.owns === 'all') return true;
    return whm.owns.includes(account.user) || account.owner === whm.user;
  }

  ownerOf(account: CpanelAccountFixture): string {
    return account.owner ?? 'root';
  }
}
