import byCommand from './reference-by-command.config.ts';
import { defineConfig } from '../define-config.ts';

// The consent page answered by a page object instead of selectors (`--driver browser` only).
export default defineConfig({
  ...byCommand,
  consent: async (page, answer) => {
    const form = page.locator('form#authorizationForm');
    if ((await form.count()) === 0) return false;
    const share = answer.shareDemographics ? 'True' : 'False';
    await form.locator(`[name=share_demographic_scopes][value=${share}]`).check();
    const button = answer.approve ? '[name=allow]' : 'button[type=submit]:not([name])';
    await Promise.all([page.waitForNavigation(), form.locator(button).click()]);
    return true;
  },
});
