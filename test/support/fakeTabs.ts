import type { TabOpener } from '../../src/core/ports';

/** A TabOpener that records every page it opened or loaded into a tab, in order. */
export interface FakeTabs extends TabOpener {
  /** URLs of the new tabs; each tab's id is its place in this list, counted from 1. */
  opened: string[];
  /** [tab id, URL] of each page loaded into an existing tab. */
  navigated: [number, string][];
}

/** Tabs that always open and are always still there when revealed. */
export function fakeTabs(): FakeTabs {
  const opened: string[] = [];
  const navigated: [number, string][] = [];
  return {
    opened,
    navigated,
    open: async (url) => opened.push(url),
    navigate: async (tabId, url) => {
      navigated.push([tabId, url]);
      return tabId;
    },
    reveal: async () => true,
  };
}

/** The launch id a launch page's URL (`ext://launch#<id>`) carries. */
export const launchIdOf = (url: string | undefined): string => url?.split('#')[1] ?? '';
