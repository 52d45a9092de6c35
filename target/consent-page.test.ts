import * as cheerio from 'cheerio';
import { describe, expect, it } from 'vitest';
import { renderConsentPage } from './consent-page.ts';

const request = {
  client_id: 'app-1',
  redirect_uri: 'http://127.0.0.1:9001/callback',
  response_type: 'code',
  state: '"><script>alert(1)</script>',
  code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
  code_challenge_method: 'S256',
  scope: 'openid profile patient/Patient.read',
};

describe('renderConsentPage', () => {
  const $ = cheerio.load(
    renderConsentPage({ appName: 'First <Test> App', request, beneficiaryName: 'Alice Adams' }),
  );
  const form = $('form#authorizationForm');

  it('posts the form back to the authorize URL', () => {
    expect(form.length).toBe(1);
    expect(form.attr('method')).toBe('post');
    expect(form.attr('action')).toBeUndefined();
  });

  it('carries every authorization parameter as a hidden field, escaped', () => {
    const hidden = Object.fromEntries(
      form
        .find('input[type=hidden]')
        .map((_, el) => [[$(el).attr('name'), $(el).attr('value')]])
        .get(),
    );

    expect(hidden).toEqual(request);
    expect($('script').length).toBe(0);
  });

  it('offers the demographic choice with True checked', () => {
    const radios = form.find('input[type=radio][name=share_demographic_scopes]');

    expect(radios.map((_, el) => $(el).attr('value')).get()).toEqual(['True', 'False']);
    expect(radios.filter('[checked]').attr('value')).toBe('True');
  });

  it('has an approve submit named allow and a deny submit with no name', () => {
    const submits = form.find('input[type=submit]');

    expect(submits.map((_, el) => [[$(el).attr('name'), $(el).attr('value')]]).get()).toEqual([
      ['allow', 'Allow'],
      [undefined, 'Deny'],
    ]);
  });

  it('names the app and the logged-in beneficiary, and loads nothing external', () => {
    expect($('title').text()).toBe('Approve access for First <Test> App');
    expect($('#beneficiary-name').text()).toBe('Alice Adams');
    expect($('[src], link[href]').length).toBe(0);
  });
});
