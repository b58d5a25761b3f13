import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { PASSWORD } from './users';

/** Signs in through the sign-in page and waits for the home page's circle card. */
export async function signInThroughUi(page: Page, baseUrl: string, email: string, expectText: string): Promise<void> {
  await page.goto(`${baseUrl}/`);
  await page.waitForURL(/\/signin/);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByText(expectText).first().waitFor();
}

/** Home → pre-join (camera and microphone start off) → optionally turn both on → enter the circle. */
export async function enterCircleThroughUi(page: Page, sessionId: string, displayName: string, opts: { media?: boolean } = {}): Promise<void> {
  await page.getByRole('button', { name: 'Join the circle' }).click();
  await page.waitForURL(new RegExp(`/circles/${sessionId}/join$`));
  await page.getByText('Nothing in a circle is recorded').waitFor();
  const camera = page.getByRole('button', { name: 'Camera', exact: true });
  const mic = page.getByRole('button', { name: 'Microphone', exact: true });
  expect(await camera.getAttribute('aria-pressed')).toBe('false');
  expect(await mic.getAttribute('aria-pressed')).toBe('false');
  if (opts.media !== false) {
    await camera.click();
    await mic.click();
    await expect.poll(() => camera.getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => mic.getAttribute('aria-pressed')).toBe('true');
    await page.locator('video').first().waitFor();
  }
  await page.getByLabel('Display name').fill(displayName);
  await page.getByRole('button', { name: 'Enter the circle' }).click();
  await page.waitForURL(new RegExp(`/circles/${sessionId}$`));
}
