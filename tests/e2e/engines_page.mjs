// The page object of the Firefox ESR and WebKitGTK smoke (engines.test.mjs). Their drivers share
// no locator API, so the page is read through functions each engine evaluates in the page
// (Session.evaluate): each is sent as its source text, so it must be self-contained, with its
// selectors written inside it.

/** The live app has taken over the prerendered page. */
export const live = () => document.querySelector('#app:not([data-prerendered]) h1.article__title') !== null;

/** The cards' titles, in the order shown. */
export const cardTitles = () => [...document.querySelectorAll('.model-card__title')].map((e) => e.textContent.trim());

/** Whether the cards' titles, as JSON, are `want` (to wait for an order). */
export const cardsInOrder = (want) => JSON.stringify([...document.querySelectorAll('.model-card__title')].map((e) => e.textContent.trim())) === want;

/** Errors from the moment it runs; WebKit's driver has no console events, so the page keeps them. */
export const recordErrors = () => {
  window.__smokeErrors = [];
  addEventListener('error', (e) => window.__smokeErrors.push(String(e.message)));
  addEventListener('unhandledrejection', (e) => window.__smokeErrors.push(String(e.reason)));
  addEventListener('securitypolicyviolation', (e) => window.__smokeErrors.push(`csp: ${e.violatedDirective}`));
  return true;
};

/** The errors recorded, the start-up notice if one is shown, and any alert's text. */
export const pageState = () => ({
  errors: window.__smokeErrors ?? ['not recording'],
  bootNotice: document.getElementById('boot-notice')?.hidden === false ? document.getElementById('boot-notice').textContent : null,
  alerts: [...document.querySelectorAll('[role="alert"]')].map((e) => e.textContent),
});

/** The sort controls' ids, for `choose`. */
export const SORT_KEY = 'sort-key';
export const SORT_DIRECTION = 'sort-direction';

/** Picks `value` in the select whose id is `id`, as a reader's change would. */
export const choose = ([id, value]) => {
  const select = document.getElementById(id);
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
  return true;
};

/** What hostile Markdown left in the article text: its text, whether a script ran, what was injected. */
export const hostileProbe = () => ({
  text: document.querySelector('.article__body').innerText,
  pwned: window.__pwned ?? null,
  injected: document.querySelectorAll('.article__body script, .article__body img').length,
  scriptLinks: document.querySelectorAll('a[href*="script:"]').length,
  mail: document.querySelector('.article__body a[href="mailto:a@b.org"]') !== null,
});
