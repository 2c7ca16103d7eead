// The add-in manifest for the server it is deployed on: manifest.xml (which points at the
// development server https://localhost:3000/) with every URL moved under `base` and the
// <Version> taken from package.json. Used by webpack.config.js and by the manifest test.
'use strict';

const DEV_ORIGIN = 'https://localhost:3000/';

/**
 * "https://host/path" → "https://host/path/". Office loads add-ins only over HTTPS, and a base
 * with a query or fragment would break every URL joined to it.
 */
function normalizeBase(url) {
  let u;
  try {
    u = new URL(url);
  } catch {
    throw new Error(`--env url=${url}: not a URL; give the HTTPS address the add-in is served from, e.g. --env url=https://baocao.example.gov.vn/ctxh/`);
  }
  if (u.protocol !== 'https:') throw new Error(`--env url=${url}: Office opens add-ins only over https://`);
  if (u.search || u.hash || u.username || u.password) throw new Error(`--env url=${url}: no query, fragment or credentials in the base address`);
  return u.href.endsWith('/') ? u.href : `${u.href}/`;
}

/** "0.1.0" → "0.1.0.0": the manifest wants one to four numbers, each at most 5 digits. */
function manifestVersion(version) {
  const parts = String(version).split(/[-+]/)[0].split('.');
  if (!parts.every((p) => /^\d{1,5}$/.test(p)) || parts.length > 4) throw new Error(`package.json version ${version} cannot be a manifest <Version>`);
  while (parts.length < 4) parts.push('0');
  return parts.join('.');
}

function manifestFor(xml, { base, version }) {
  const root = normalizeBase(base);
  if (!xml.includes(DEV_ORIGIN)) throw new Error(`manifest.xml has no ${DEV_ORIGIN} URLs to move`);
  // The development manifest's comments speak of the development server: not carried over.
  const moved = xml.replace(/<!--[\s\S]*?-->\s*/g, '').split(DEV_ORIGIN).join(root).replace('?>', `?>\n<!-- Built by \`npm run build -- --env url=${root}\` from manifest.xml. -->`);
  const withVersion = moved.replace(/<Version>[^<]*<\/Version>/, `<Version>${manifestVersion(version)}</Version>`);
  if (withVersion === moved && !moved.includes(`<Version>${manifestVersion(version)}</Version>`)) throw new Error('manifest.xml has no <Version>');
  return withVersion;
}

module.exports = { DEV_ORIGIN, normalizeBase, manifestVersion, manifestFor };
