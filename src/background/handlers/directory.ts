import type { HandlerTable } from '../messages';
import type { Services } from './services';

/** The WHM directory's progress, for the popup's "Indexing 120 of 300 accounts" line. */
export function directoryHandlers(services: Services): Pick<HandlerTable, 'directory.status'> {
  const { accounts, whmIndex } = services;
  return {
    async 'directory.status'() {
      const whm = (await accounts.list()).filter((account) => account.kind === 'whm');
      return { statuses: await Promise.all(whm.map((account) => whmIndex.status(account.id))) };
    },
  };
}
