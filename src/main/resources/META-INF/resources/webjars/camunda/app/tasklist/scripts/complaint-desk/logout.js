/*
 * Tasklist custom script (listed in customScripts of ../config.js): 退出 (log out) in one click.
 * The desk's staff hand the workstation over several times a day (agent, supervisor, clerk…);
 * Tasklist hides "退出" in the user menu (two clicks). A button beside the user name does what the
 * menu item does (the menu's own logout action).
 */

import { language } from './task-actions.js';

const BUTTON = 'cd-logout';

const TEXTS = { zh: '退出', en: 'Log out' };

function place() {
  const account = document.querySelector('li.account');
  const menuItem = account && account.querySelector('li.logout a');
  if (!account || !menuItem) {
    return;
  }
  if (account.nextElementSibling && account.nextElementSibling.classList.contains(BUTTON)) {
    return;
  }
  const item = document.createElement('li');
  item.className = BUTTON;
  const link = document.createElement('a');
  link.href = '';
  link.textContent = TEXTS[language()];
  link.title = TEXTS[language()];
  link.addEventListener('click', (event) => {
    event.preventDefault();
    const logout = document.querySelector('li.account li.logout a');
    if (logout) {
      logout.click();
    }
  });
  item.appendChild(link);
  account.parentNode.insertBefore(item, account.nextSibling);
}

if (typeof document !== 'undefined' && document.body) {
  place();
  new MutationObserver(place).observe(document.body, { childList: true, subtree: true });
}
