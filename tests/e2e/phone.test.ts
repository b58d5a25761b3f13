import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { enterCircleThroughUi, signInThroughUi } from '../support/circlePages';
import { expectAccessible } from '../support/axe';
import { e2eSetup } from '../support/e2e';
import { openCircleNow } from '../support/openCircles';

const e2e = e2eSetup({ livekit: 'media' });
let sessionId: string;

beforeAll(async () => {
  sessionId = await openCircleNow(e2e.app.db, 'phone', 'Finding work after articling');
});

/** How far the page reaches past the viewport sideways (0: no horizontal scroll). */
const sidewaysOverflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

/**
 * The blocks of the circle page that overlap one another: every part of the main column and of the side column,
 * pairwise, by their boxes on the page (a pixel of touching is not overlap).
 */
function overlaps(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const blocks = [...document.querySelectorAll<HTMLElement>('.circle-main > *, .circle-side > *')].filter((el) => el.offsetHeight > 0);
    const name = (el: HTMLElement) => el.getAttribute('aria-label') ?? el.querySelector('h2')?.textContent ?? el.className;
    const out: string[] = [];
    const boxes = blocks.map((el) => {
      const r = el.getBoundingClientRect();
      return { el, left: r.left + scrollX, right: r.right + scrollX, top: r.top + scrollY, bottom: r.bottom + scrollY };
    });
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!;
        const b = boxes[j]!;
        const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (w > 1 && h > 1) out.push(`${name(a.el)} × ${name(b.el)}`);
      }
    }
    return out;
  });
}

/**
 * A control a thumb can use: at least 24×24 CSS px (WCAG 2.5.8) and, once scrolled to, the topmost thing at its
 * centre (nothing drawn over it).
 */
async function expectTappable(control: Locator, what: string) {
  await control.scrollIntoViewIfNeeded();
  const box = await control.boundingBox();
  expect(box, what).not.toBeNull();
  expect(box!.width, `${what} width`).toBeGreaterThanOrEqual(24);
  expect(box!.height, `${what} height`).toBeGreaterThanOrEqual(24);
  const onTop = await control.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return hit !== null && (hit === el || el.contains(hit));
  });
  expect(onTop, `${what} is covered`).toBe(true);
}

describe('the circle on a phone', () => {
  it('a member on a 390×844 phone: nothing overlaps or scrolls sideways, every control is tappable, and the host hears them', async () => {
    const [host, phone] = await Promise.all([e2e.open(), e2e.open({ phone: true })]);
    await Promise.all([
      signInThroughUi(host, e2e.app.url, 'volunteer@example.ca', 'Finding work after articling'),
      signInThroughUi(phone, e2e.app.url, 'student@example.ca', 'Finding work after articling'),
    ]);
    await Promise.all([enterCircleThroughUi(host, sessionId, 'Val'), enterCircleThroughUi(phone, sessionId, 'Sam')]);
    await expect.poll(() => phone.getByTestId('participant-tile').count(), { timeout: 30_000 }).toBe(2);
    await phone.getByRole('button', { name: 'Microphone', exact: true }).waitFor();

    expect(await sidewaysOverflow(phone)).toBeLessThanOrEqual(0);
    expect(await overlaps(phone)).toEqual([]);
    // People and chat wait behind the toolbar's buttons: the video has the screen.
    expect(await phone.getByRole('list', { name: 'Messages' }).isVisible()).toBe(false);

    // Taps that work: the hand goes up (the phone's button turns to 'Lower hand' only once the server's queue, sent
    // back to everyone, has it); people and raised hands are a sheet opened from the toolbar.
    const dock = phone.getByRole('region', { name: 'Call controls' });
    await phone.getByRole('button', { name: 'Raise hand', exact: true }).tap();
    await phone.getByRole('button', { name: 'Lower hand', exact: true }).waitFor();
    const peopleToggle = dock.getByRole('button', { name: /^People/ });
    await peopleToggle.tap();
    expect(await peopleToggle.getAttribute('aria-expanded')).toBe('true');
    await phone.getByRole('list', { name: 'Raised hands' }).getByText('Sam').waitFor();
    await expectTappable(phone.getByRole('list', { name: 'People in the circle' }).getByText('Val'), 'the people sheet');
    await peopleToggle.tap();
    await phone.getByRole('list', { name: 'Raised hands' }).waitFor({ state: 'hidden' });

    // Chat that arrives while the sheet is closed is counted on its button; opened, the sheet takes the message.
    await host.getByLabel('Message').fill('Welcome, Sam');
    await host.getByRole('button', { name: 'Send', exact: true }).click();
    const chatToggle = dock.getByRole('button', { name: /^Chat/ });
    await expect.poll(() => chatToggle.textContent(), { timeout: 15_000 }).toBe('Chat1 new');
    await chatToggle.tap();
    await phone.getByRole('list', { name: 'Messages' }).getByText('Welcome, Sam').waitFor();
    await expect.poll(() => chatToggle.textContent()).toBe('Chat');
    await expect.poll(() => phone.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
    await phone.getByLabel('Message').fill('Anyone else job hunting after articling?');
    await phone.getByRole('button', { name: 'Send', exact: true }).tap();
    await host.getByRole('list', { name: 'Messages' }).getByText('Anyone else job hunting after articling?').waitFor();
    await expectTappable(phone.getByRole('button', { name: 'Send', exact: true }), 'send');
    await expectAccessible(phone, 'the circle on a phone, chat open');
    await e2e.screenshot(phone, 'phone-circle-chat.png');
    // Escape closes the sheet and gives the focus back to its button.
    await phone.keyboard.press('Escape');
    await phone.getByRole('list', { name: 'Messages' }).waitFor({ state: 'hidden' });
    await expect.poll(() => chatToggle.evaluate((el) => el === document.activeElement)).toBe(true);

    for (const [name, what] of [
      ['Microphone', 'the microphone'],
      ['Camera', 'the camera'],
      ['Lower hand', 'the hand'],
      ['Leave', 'leave'],
    ] as const) {
      await expectTappable(phone.getByRole('button', { name, exact: true }), what);
    }
    await expectTappable(peopleToggle, 'people');
    await expectTappable(chatToggle, 'chat');
    await expectAccessible(phone, 'the circle on a phone');
    await e2e.screenshot(phone, 'phone-circle.png', { fullPage: true });
    // What the phone shows at first: the video, with the toolbar in reach.
    await phone.evaluate(() => window.scrollTo(0, 0));
    await e2e.screenshot(phone, 'phone-circle-viewport.png');


    // The narrowest phone still in use: nothing sideways, nothing on top of anything else.
    await phone.setViewportSize({ width: 320, height: 640 });
    expect(await sidewaysOverflow(phone)).toBeLessThanOrEqual(0);
    expect(await overlaps(phone)).toEqual([]);
    await expectTappable(phone.getByRole('button', { name: 'Lower hand', exact: true }), 'lower hand');
  });
});
