// A real OpenID Connect provider (the certified `oidc-provider` package) for Hubro's
// tests and for local development (`make oidc-dev`). It plays one of two roles:
//
//   ansattporten  Digdir's Ansattporten: the client asks for an organisation with a
//                 rich authorization request (`authorization_details`); after login the
//                 person picks one of their organisations, which comes back in the ID
//                 token's `authorization_details` as `0192:<orgnr>`. No e-mail claim.
//   entra         Microsoft Entra ID, multi-tenant: discovery at
//                 /organizations/v2.0 names the issuer with a `{tenantid}` placeholder;
//                 tokens carry `tid` and an e-mail address.
//
// Usage: node testsupport/oidc_provider.mjs CONFIG.json
// CONFIG: {"kind", "port" (0: any free port), "client_id", "client_secret",
//          "redirect_uris": [...], "tenant" (entra), "accounts": {"login": {claims…,
//          "organisations": [{"orgnr", "name"}] (ansattporten)}}}
// Prints "READY <server url>" when it listens. GET /_last_authorization answers the
// parameters of the last authorization request (the tests check what Hubro asked for).
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { URLSearchParams } from 'node:url';

import Provider from 'oidc-provider';

const config = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const kind = config.kind;
if (!['ansattporten', 'entra'].includes(kind)) throw new Error(`unknown kind ${kind}`);

let lastAuthorization = {};

function escape(text) {
  return String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function page(title, body) {
  return `<!doctype html><html lang="nb"><head><meta charset="utf-8"><title>${escape(title)}</title></head>`
    + `<body><main><h1>${escape(title)}</h1>${body}</main></body></html>`;
}

function authorizationDetails(account, chosen) {
  const requested = JSON.parse(lastAuthorization.authorization_details || '[]');
  const type = requested[0]?.type || 'ansattporten:altinn:resource';
  const resource = requested[0]?.resource || '';
  const org = (account.organisations || []).find((o) => o.orgnr === chosen);
  if (!org) return [];
  const id = { authority: 'iso6523-actorid-upis', ID: `0192:${org.orgnr}` };
  if (type === 'ansattporten:altinn:service') {
    return [{ type, resource, reportees: [{ ...id, Rights: ['Read'], Name: org.name }] }];
  }
  return [{
    type, resource, resource_name: 'Hubro',
    authorized_parties: [{ orgno: id, name: org.name, resource: resource.split(':').pop(), unit_type: 'ORGL' }],
  }];
}

const chosenOrganisation = new Map(); // accountId -> orgnr picked in this session

async function start(port) {
  const base = `http://127.0.0.1:${port}`;
  const prefix = kind === 'entra' ? `/${config.tenant}/v2.0` : '';
  const issuer = base + prefix;
  const claimNames = ['sub', 'name', 'given_name', 'family_name', 'email', 'email_verified',
    'preferred_username', 'tid', 'pid', 'authorization_details', 'acr'];
  const provider = new Provider(issuer, {
    clients: [{
      client_id: config.client_id,
      client_secret: config.client_secret,
      redirect_uris: config.redirect_uris,
      token_endpoint_auth_method: 'client_secret_post',
    }],
    claims: { openid: claimNames },
    conformIdTokenClaims: false,
    acrValues: ['substantial', 'high', 'idporten-loa-substantial', 'idporten-loa-high'],
    features: { devInteractions: { enabled: false } },
    pkce: { required: () => false },
    interactions: { url: (ctx, interaction) => `${prefix}/interaction/${interaction.uid}` },
    async findAccount(ctx, id) {
      const account = config.accounts[id];
      if (!account) return undefined;
      return {
        accountId: id,
        async claims() {
          const { organisations, ...claims } = account;
          const result = { sub: id, ...claims };
          if (kind === 'entra') result.tid = config.tenant;
          if (kind === 'ansattporten') {
            result.authorization_details = authorizationDetails(account, chosenOrganisation.get(id));
          }
          return result;
        },
      };
    },
  });
  provider.proxy = false;

  async function interaction(req, res, uid, rest) {
    const details = await provider.interactionDetails(req, res);
    if (req.method === 'GET') {
      const body = `<form method="post" action="${prefix}/interaction/${uid}">`
        + '<label for="login">Brukernavn</label> <input id="login" name="login" required> '
        + '<button type="submit">Logg inn</button></form>';
      res.setHeader('content-type', 'text/html; charset=utf-8');
      return res.end(page(kind === 'entra' ? 'Microsoft-pålogging' : 'Ansattporten', body));
    }
    const form = new URLSearchParams(rest);
    const login = form.get('login');
    const account = config.accounts[login];
    if (!account) {
      res.statusCode = 400;
      return res.end(page('Ukjent bruker', '<p>Ukjent bruker.</p>'));
    }
    if (kind === 'ansattporten' && !form.get('orgnr')) {
      // Ansattporten's organisation picker: the organisations the person may act for.
      const options = (account.organisations || []).map((o) => `<li><label><input type="radio" name="orgnr" value="${escape(o.orgnr)}"> ${escape(o.name)}</label></li>`).join('');
      const body = `<form method="post" action="${prefix}/interaction/${uid}">`
        + `<input type="hidden" name="login" value="${escape(login)}">`
        + `<fieldset><legend>Velg virksomhet</legend><ul>${options}</ul></fieldset>`
        + '<button type="submit">Velg</button></form>';
      res.setHeader('content-type', 'text/html; charset=utf-8');
      return res.end(page('Hvem vil du representere?', body));
    }
    if (form.get('orgnr')) chosenOrganisation.set(login, form.get('orgnr'));
    const grant = new provider.Grant({ accountId: login, clientId: details.params.client_id });
    grant.addOIDCScope(details.params.scope);
    grant.addOIDCClaims(claimNames);
    const grantId = await grant.save();
    return provider.interactionFinished(req, res, {
      login: { accountId: login }, consent: { grantId },
    }, { mergeWithLastSubmission: false });
  }

  const handler = provider.callback();
  const server = http.createServer(async (req, res) => {
    try {
      const url = new URL(req.url, base);
      if (url.pathname === '/_last_authorization') {
        res.setHeader('content-type', 'application/json');
        return res.end(JSON.stringify(lastAuthorization));
      }
      if (kind === 'entra' && url.pathname === '/organizations/v2.0/.well-known/openid-configuration') {
        // The multi-tenant discovery document: the issuer names no tenant.
        const upstream = await fetch(`${issuer}/.well-known/openid-configuration`);
        const document = await upstream.json();
        document.issuer = `${base}/{tenantid}/v2.0`;
        res.setHeader('content-type', 'application/json');
        return res.end(JSON.stringify(document));
      }
      if (prefix && !url.pathname.startsWith(prefix)) {
        res.statusCode = 404;
        return res.end('not found');
      }
      const path = url.pathname.slice(prefix.length) || '/';
      if (path === '/auth' && req.method === 'GET') {
        lastAuthorization = Object.fromEntries(url.searchParams);
        // Ansattporten reads authorization_details itself and answers with the
        // organisation picker; oidc-provider's own RAR handling would want resource
        // indicators, so the parameter is taken out here and used in the claims.
        url.searchParams.delete('authorization_details');
      }
      const match = path.match(/^\/interaction\/([^/]+)$/);
      if (match) {
        let body = '';
        for await (const chunk of req) body += chunk;
        req.url = path + url.search;
        return await interaction(req, res, match[1], body);
      }
      req.originalUrl = req.url;
      req.url = path + url.search;
      return handler(req, res);
    } catch (error) {
      res.statusCode = 500;
      res.end(String(error && error.stack));
    }
  });
  return new Promise((resolve) => {
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

// With port 0, find a free port first: the issuer must contain the real port.
async function freePort() {
  const probe = http.createServer();
  await new Promise((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

const port = config.port || await freePort();
await start(port);
const serverUrl = kind === 'entra' ? `http://127.0.0.1:${port}/organizations/v2.0` : `http://127.0.0.1:${port}`;
process.stdout.write(`READY ${serverUrl}\n`);
