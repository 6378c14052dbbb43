// The context-menu screenshots for the README. Chromium draws its native context menu only in a headed
// window, so this runs Chromium headed on a virtual X screen (Xvfb, whose `-fbdir` keeps the screen as a
// file), right-clicks a mailto: link, opens the extension's submenu with xdotool and crops the screen to the
// link and the menus. It then picks an item like a person would, and shoots the browser window with what it
// opened: once "Open Webmail …" (Webmail), once "Write to …" (Roundcube's compose screen). Without Xvfb or
// xdotool it does nothing.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Page } from 'playwright-core';
import { type ExtensionBrowser, launchWithExtension } from '../test/e2e/browser';
import { type Box, changedBox, crop, type Rgb, readXwd, writePng } from './screenshots-image';

/** A program's path, if it is installed. */
export function findTool(name: string): string | undefined {
  return (process.env.PATH ?? '')
    .split(delimiter)
    .map((dir) => join(dir, name))
    .find((path) => existsSync(path));
}

interface VirtualScreen {
  display: string;
  capture(): Rgb;
  close(): Promise<void>;
}

async function waitFor(check: () => boolean, what: string, ms = 10_000): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

async function startXvfb(xvfb: string): Promise<VirtualScreen> {
  let number = 99;
  while (existsSync(`/tmp/.X${number}-lock`) || existsSync(`/tmp/.X11-unix/X${number}`)) number++;
  const fbdir = mkdtempSync(join(tmpdir(), 'wml-xvfb-'));
  const server: ChildProcess = spawn(
    xvfb,
    [`:${number}`, '-screen', '0', '1280x960x24', '-fbdir', fbdir, '-nolisten', 'tcp', '-nocursor'],
    { stdio: 'ignore' },
  );
  const screenFile = join(fbdir, 'Xvfb_screen0');
  let exited = false;
  server.on('exit', () => {
    exited = true;
  });
  await waitFor(() => exited || (existsSync(screenFile) && existsSync(`/tmp/.X11-unix/X${number}`)), 'Xvfb');
  if (exited) throw new Error('Xvfb did not start');
  return {
    display: `:${number}`,
    capture: () => readXwd(screenFile),
    async close() {
      if (!exited) {
        const gone = new Promise((resolve) => server.once('exit', resolve));
        server.kill();
        await gone;
      }
      rmSync(fbdir, { recursive: true, force: true });
    },
  };
}

/**
 * The browser window for the shots, on the 1280×960 virtual screen: as wide as the pages' viewport
 * (Playwright's 1000×700) and a little shorter, so no blank edge of the window shows.
 */
const WINDOW: Box = { x: 0, y: 0, width: 1000, height: 720 };

const CONTACT_PAGE = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Contact</title>
<style>body { margin: 40px; font: 17px/1.5 system-ui, sans-serif; color: #1f2933; background: #e9edf2; }
a { color: #1d6fa5; }</style></head>
<body><h1>Contact us</h1><p><span id="text">Questions? Write to
<a id="mail" href="mailto:info@example.com?subject=Question%20about%20my%20order">info@example.com</a>.</span></p></body></html>`;

/** The row of the menu item with the extension's (blue) icon: the icon column is the menu's left edge. */
function iconRow(image: Rgb, menu: Box): number | undefined {
  const rows: number[] = [];
  for (let y = menu.y; y < menu.y + menu.height; y++) {
    for (let x = menu.x; x < Math.min(menu.x + 64, image.width); x++) {
      const i = (y * image.width + x) * 3;
      const [r, b] = [image.data[i] as number, image.data[i + 2] as number];
      if (b > 150 && b - r > 90) {
        rows.push(y);
        break;
      }
    }
  }
  return rows.length > 0 ? rows[Math.floor(rows.length / 2)] : undefined;
}

/** Gives the browser window of `page` this position and size on the screen. */
async function placeWindow(page: Page, bounds: Box): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const { windowId } = await cdp.send('Browser.getWindowForTarget');
  const { x: left, y: top, width, height } = bounds;
  await cdp.send('Browser.setWindowBounds', { windowId, bounds: { left, top, width, height } });
  await cdp.detach();
}

/**
 * Where the page's viewport sits on the X screen. The window reports no reliable position without a
 * window manager, so a magenta dot is put in the viewport's corner and looked for.
 */
async function viewportOrigin(page: Page, screen: VirtualScreen): Promise<{ x: number; y: number }> {
  await page.evaluate(() => {
    const dot = document.createElement('div');
    dot.id = 'origin-dot';
    dot.style.cssText = 'position:fixed;left:0;top:0;width:4px;height:4px;background:#f0f;z-index:99999';
    document.body.append(dot);
  });
  const image = await settled(screen);
  await page.evaluate(() => document.getElementById('origin-dot')?.remove());
  for (let i = 0; i < image.data.length; i += 3) {
    if (image.data[i] === 255 && image.data[i + 1] === 0 && image.data[i + 2] === 255) {
      const pixel = i / 3;
      return { x: pixel % image.width, y: Math.floor(pixel / image.width) };
    }
  }
  throw new Error('the page is not on the screen');
}

/** The screen once it has stopped changing. */
async function settled(screen: VirtualScreen): Promise<Rgb> {
  let last = screen.capture();
  for (let tries = 0; tries < 40; tries++) {
    await sleep(150);
    const next = screen.capture();
    if (next.data.equals(last.data)) return next;
    last = next;
  }
  return last;
}

/** The vertical middle of each line of text in `box`: dark pixels, in bands separated by blank rows. */
function textRows(image: Rgb, box: Box): number[] {
  const rows: number[] = [];
  let start: number | undefined;
  for (let y = box.y; y <= box.y + box.height; y++) {
    let dark = false;
    for (let x = box.x + 8; x < box.x + box.width - 8 && !dark; x++) {
      const i = (y * image.width + x) * 3;
      dark = (image.data[i] as number) + (image.data[i + 1] as number) + (image.data[i + 2] as number) < 300;
    }
    if (dark && start === undefined) start = y;
    if (!dark && start !== undefined) {
      if (y - start >= 6) rows.push(Math.round((start + y) / 2));
      start = undefined;
    }
  }
  return rows;
}

/** One shot of the menu: which of the extension's items (in the order contextMenu.ts makes them) to pick. */
interface MenuShot {
  item: number;
  /** The menu, with the pointer on that item. */
  menuFile: string;
  /** The browser window with the signed-in page the item opened. */
  windowFile: string;
}

/**
 * Opens a page with a mailto: link in `browser` (headed, on `screen`), right-clicks the link, opens the
 * extension's submenu (Chromium groups an extension's items under its name) and saves the sentence with the
 * menus beside it, the pointer on the chosen item, in `dir`. With xdotool, it then clicks the item and saves
 * the browser window with the signed-in page it opened. Returns the files saved.
 */
async function shootMenu(
  browser: ExtensionBrowser,
  screen: VirtualScreen,
  dir: string,
  { item, menuFile, windowFile }: MenuShot,
): Promise<string[]> {
  const page = await browser.context.newPage();
  const url = 'https://www.example.com/contact';
  await page.route(url, (route) => route.fulfill({ contentType: 'text/html', body: CONTACT_PAGE }));
  await page.goto(url);
  for (const other of browser.context.pages()) if (other !== page) await other.close();
  await page.bringToFront();
  await placeWindow(page, WINDOW);
  const link = page.locator('#mail');
  const [linkBox, textBox] = await Promise.all([link.boundingBox(), page.locator('#text').boundingBox()]);
  if (!linkBox || !textBox) throw new Error('the link has no position');
  // Right-click near the end of the link, so the menu opens beside the address rather than over it.
  const at = { x: linkBox.width - 4, y: linkBox.height - 3 };
  await link.hover({ position: at });
  const origin = await viewportOrigin(page, screen);
  const before = await settled(screen);
  await link.click({ button: 'right', position: at });
  // The menu opens below and to the right of the pointer (there is room); the only change there but the
  // window's status bubble at its foot (the link's URL), which the height leaves out.
  const below = {
    x: origin.x + linkBox.x + at.x - 2,
    y: origin.y + linkBox.y + at.y - 2,
    width: 1e4,
    height: 360,
  };
  let menu: Box | undefined;
  for (let tries = 0; tries < 40 && !menu; tries++) {
    await sleep(250);
    const box = changedBox(before, screen.capture(), below);
    // The menu is a few hundred pixels tall; a smaller change is the link's own hover or focus ring.
    if (box && box.height > 150) menu = box;
  }
  if (!menu) throw new Error('the context menu did not appear on the screen');
  const shown = await settled(screen);
  menu = changedBox(before, shown, below) ?? menu;
  const row = iconRow(shown, menu);
  if (row === undefined) throw new Error('the context menu has no item with the extension icon');
  const xdotool = findTool('xdotool');
  if (!xdotool) throw new Error('xdotool is needed to open the extension’s submenu');
  const pointer = (...args: string[]) =>
    execFileSync(xdotool, args, { env: { ...process.env, DISPLAY: screen.display } });
  pointer('mousemove', String(menu.x + Math.round(menu.width / 2)), String(row));
  // The submenu opens beside the menu, to its right, level with it; the window's status bubble below (the
  // link's URL) is left out.
  const right = { x: menu.x + menu.width - 4, y: menu.y - 50, width: 600, height: menu.height + 100 };
  let submenu: Box | undefined;
  for (let tries = 0; tries < 40 && !submenu; tries++) {
    await sleep(250);
    const box = changedBox(shown, screen.capture(), right);
    if (box && box.height > 40) submenu = box;
  }
  if (!submenu) throw new Error('the extension’s submenu did not open');
  const opened = await settled(screen);
  submenu = changedBox(shown, opened, right) ?? submenu;
  const itemRow = textRows(opened, submenu)[item];
  if (itemRow === undefined) throw new Error(`the submenu has no item ${item + 1}`);
  pointer('mousemove', String(submenu.x + Math.round(submenu.width / 2)), String(itemRow));
  const pad = 20;
  const left = Math.min(menu.x, origin.x + textBox.x) - pad;
  const top = Math.min(menu.y, submenu.y, origin.y + textBox.y) - pad;
  const end = Math.max(submenu.x + submenu.width, origin.x + textBox.x + textBox.width) + pad;
  const bottom = Math.max(menu.y + menu.height, submenu.y + submenu.height) + pad;
  const menuPath = join(dir, menuFile);
  writePng(
    menuPath,
    crop(await settled(screen), { x: left, y: top, width: end - left, height: bottom - top }),
  );

  const [signedIn] = await Promise.all([browser.context.waitForEvent('page'), pointer('click', '1')]);
  await signedIn.getByTestId('signed-in-user').waitFor();
  await page.close();
  await signedIn.bringToFront();
  await placeWindow(signedIn, WINDOW);
  const windowPath = join(dir, windowFile);
  writePng(windowPath, crop(await settled(screen), WINDOW));
  return [menuPath, windowPath];
}

function restoreEnv(name: string, value: string | undefined): void {
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
}

/**
 * Saves the context-menu screenshots to `dir` with a headed Chromium on a virtual screen, after `prepare`
 * has set the browser up (an account for info@example.com, for the Webmail the menu opens). Returns the
 * files saved: none, having done nothing, when Xvfb is missing.
 */
export async function contextMenuScreenshots(options: {
  trustSpki: string[];
  dir: string;
  prepare?: (browser: ExtensionBrowser) => Promise<void>;
}): Promise<string[]> {
  const xvfb = findTool('Xvfb');
  if (!xvfb) return [];
  const screen = await startXvfb(xvfb);
  const { DISPLAY: display, LANGUAGE: language } = process.env;
  let browser: ExtensionBrowser | undefined;
  try {
    // Playwright hands Chromium this process's environment: the virtual screen, and English menus.
    process.env.DISPLAY = screen.display;
    process.env.LANGUAGE = 'en';
    browser = await launchWithExtension({ trustSpki: options.trustSpki, headless: false });
    await options.prepare?.(browser);
    if (!findTool('xdotool')) return [];
    const open = { item: 0, menuFile: 'context-menu.png', windowFile: 'webmail-window.png' };
    const write = { item: 1, menuFile: 'context-menu-compose.png', windowFile: 'compose-window.png' };
    return [
      ...(await shootMenu(browser, screen, options.dir, open)),
      ...(await shootMenu(browser, screen, options.dir, write)),
    ];
  } finally {
    restoreEnv('DISPLAY', display);
    restoreEnv('LANGUAGE', language);
    await browser?.close();
    await screen.close();
  }
}
