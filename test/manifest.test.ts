// manifest.xml checked offline (the online validator cannot be reached here): it
// parses, its elements are where and in the order the v1.1 schema wants them,
// every resid resolves, every URL is a file the build serves, every icon exists at its size.
import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { manifestFor, manifestVersion } = require('../scripts/manifest-for-host') as {
  manifestFor: (xml: string, o: { base: string; version: string }) => string;
  manifestVersion: (v: string) => string;
};

const ROOT = path.join(__dirname, '..');
/** Pages the webpack build emits at the root; assets/*.png are copied to assets/. */
const BUILD_PAGES = ['taskpane.html', 'commands.html', 'support.html'];
const VERSION = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const DEV_XML = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');

interface El {
  name: string;
  attrs: Record<string, string>;
  children: El[];
  text: string;
}

type Parsed = Record<string, unknown>[];

function toEl(node: Record<string, unknown>): El | null {
  const name = Object.keys(node).find((k) => k !== ':@');
  if (!name || name.startsWith('#') || name.startsWith('?')) return null;
  const kids = node[name] as Parsed;
  const children = kids.map(toEl).filter((e): e is El => e !== null);
  const text = kids.map((k) => (k['#text'] !== undefined ? String(k['#text']) : '')).join('').trim();
  return { name, attrs: (node[':@'] as Record<string, string>) ?? {}, children, text };
}

function rootOf(xml: string): El {
  const parsed = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '', parseAttributeValue: false, parseTagValue: false }).parse(xml) as Parsed;
  return parsed.map(toEl).find((e) => e !== null) as El;
}

function all(el: El, out: El[] = []): El[] {
  out.push(el);
  for (const c of el.children) all(c, out);
  return out;
}
const child = (el: El, name: string): El => {
  const c = el.children.find((k) => k.name === name);
  if (!c) throw new Error(`<${el.name}> has no <${name}>`);
  return c;
};
const kids = (el: El, name: string): El[] => el.children.filter((k) => k.name === name);

/** Children must be drawn from `order`, in that order; `required` must be present. */
function expectOrder(el: El, order: string[], required: string[]): void {
  const names = el.children.map((c) => c.name);
  for (const n of names) expect({ parent: el.name, child: n, known: order.includes(n) }).toEqual({ parent: el.name, child: n, known: true });
  const idx = names.map((n) => order.indexOf(n));
  for (let i = 1; i < idx.length; i++) {
    expect({ parent: el.name, after: names[i - 1], comes: names[i], inOrder: idx[i] >= idx[i - 1] }).toEqual({
      parent: el.name,
      after: names[i - 1],
      comes: names[i],
      inOrder: true,
    });
  }
  for (const r of required) expect({ parent: el.name, has: r, present: names.includes(r) }).toEqual({ parent: el.name, has: r, present: true });
}

function pngSize(file: string): { w: number; h: number } {
  const b = fs.readFileSync(file);
  expect(b.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(b.toString('ascii', 12, 16)).toBe('IHDR');
  const w = b.readUInt32BE(16);
  const h = b.readUInt32BE(20);
  // The image data inflates to exactly the size the header announces (8-bit RGBA, one filter byte a row).
  const idat: Buffer[] = [];
  for (let o = 8; o < b.length; ) {
    const len = b.readUInt32BE(o);
    if (b.toString('ascii', o + 4, o + 8) === 'IDAT') idat.push(b.subarray(o + 8, o + 8 + len));
    o += 12 + len;
  }
  expect([b[24], b[25]]).toEqual([8, 6]);
  expect(zlib.inflateSync(Buffer.concat(idat)).length).toBe(h * (w * 4 + 1));
  return { w, h };
}

/** The file a URL serves from the build, or throws. */
function serve(url: string, ORIGIN: string): string {
  expect(url.startsWith(ORIGIN)).toBe(true);
  const rel = url.slice(ORIGIN.length);
  if (BUILD_PAGES.includes(rel)) return rel;
  expect(rel).toMatch(/^assets\/[A-Za-z0-9._-]+\.png$/);
  expect(fs.existsSync(path.join(ROOT, rel))).toBe(true);
  return rel;
}

// The development manifest as it is, and the one `npm run build -- --env url=…` writes for an office's server.
describe.each([
  { name: 'manifest.xml (development)', xml: DEV_XML, ORIGIN: 'https://localhost:3000/' },
  { name: 'dist/manifest.xml for https://baocao.example.gov.vn/ctxh', xml: manifestFor(DEV_XML, { base: 'https://baocao.example.gov.vn/ctxh', version: VERSION }), ORIGIN: 'https://baocao.example.gov.vn/ctxh/' },
  { name: 'dist/manifest.xml for a server root', xml: manifestFor(DEV_XML, { base: 'https://addins.so-yte.example.vn', version: VERSION }), ORIGIN: 'https://addins.so-yte.example.vn/' },
])('$name', ({ xml, ORIGIN }) => {
  const root = rootOf(xml);
  const servedFile = (url: string) => serve(url, ORIGIN);
  const vo = child(root, 'VersionOverrides');
  const resources = child(vo, 'Resources');
  const collections = {
    image: kids(child(resources, 'bt:Images'), 'bt:Image'),
    url: kids(child(resources, 'bt:Urls'), 'bt:Url'),
    short: kids(child(resources, 'bt:ShortStrings'), 'bt:String'),
    long: kids(child(resources, 'bt:LongStrings'), 'bt:String'),
  };
  const byId = (list: El[], id: string) => list.find((e) => e.attrs.id === id);

  it('is well-formed XML', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
  });

  it('is a v1.1 task-pane add-in for Excel with the right namespaces', () => {
    expect(root.name).toBe('OfficeApp');
    expect(root.attrs.xmlns).toBe('http://schemas.microsoft.com/office/appforoffice/1.1');
    expect(root.attrs['xmlns:xsi']).toBe('http://www.w3.org/2001/XMLSchema-instance');
    expect(root.attrs['xmlns:bt']).toBe('http://schemas.microsoft.com/office/officeappbasictypes/1.0');
    expect(root.attrs['xsi:type']).toBe('TaskPaneApp');
    expect(vo.attrs.xmlns).toBe('http://schemas.microsoft.com/office/taskpaneappversionoverrides');
    expect(vo.attrs['xsi:type']).toBe('VersionOverridesV1_0');
    expect(kids(child(root, 'Hosts'), 'Host').map((h) => h.attrs.Name)).toEqual(['Workbook']);
    expect(kids(child(vo, 'Hosts'), 'Host').map((h) => h.attrs['xsi:type'])).toEqual(['Workbook']);
  });

  it('has the top-level elements in schema order', () => {
    expectOrder(
      root,
      ['Id', 'AlternateId', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'IconUrl', 'HighResolutionIconUrl', 'SupportUrl', 'AppDomains', 'Hosts', 'Requirements', 'DefaultSettings', 'Permissions', 'Dictionary', 'VersionOverrides'],
      ['Id', 'Version', 'ProviderName', 'DefaultLocale', 'DisplayName', 'Description', 'IconUrl', 'HighResolutionIconUrl', 'Hosts', 'Requirements', 'DefaultSettings', 'Permissions', 'VersionOverrides'],
    );
    expectOrder(vo, ['Description', 'Requirements', 'Hosts', 'Resources', 'VersionOverrides'], ['Hosts', 'Resources']);
    expectOrder(resources, ['bt:Images', 'bt:Urls', 'bt:ShortStrings', 'bt:LongStrings'], ['bt:Images', 'bt:Urls', 'bt:ShortStrings']);
    for (const d of all(vo).filter((e) => e.name === 'DesktopFormFactor')) expectOrder(d, ['GetStarted', 'FunctionFile', 'ExtensionPoint'], ['ExtensionPoint']);
    for (const g of all(vo).filter((e) => e.name === 'Group')) expectOrder(g, ['Label', 'Icon', 'Control'], ['Label', 'Icon', 'Control']);
    for (const c of all(vo).filter((e) => e.name === 'Control')) expectOrder(c, ['Label', 'Supertip', 'Icon', 'Action'], ['Label', 'Supertip', 'Icon', 'Action']);
    for (const s of all(vo).filter((e) => e.name === 'Supertip')) expectOrder(s, ['Title', 'Description'], ['Title', 'Description']);
    for (const a of all(vo).filter((e) => e.name === 'Action' && e.attrs['xsi:type'] === 'ShowTaskpane')) expectOrder(a, ['TaskpaneId', 'SourceLocation', 'Title'], ['SourceLocation']);
  });

  it('has a GUID id, a version, the provider and Vietnamese as default locale', () => {
    expect(child(root, 'Id').text).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    expect(child(root, 'Id').text).not.toBe('05c2e1c9-3e1d-406e-9a91-e9ac64854143'); // the template's
    expect(child(root, 'Version').text).toMatch(/^\d{1,5}(\.\d{1,5}){0,3}$/);
    expect(child(root, 'Version').text).toBe(manifestVersion(VERSION)); // package.json's, so an update reaches every client
    expect(child(root, 'ProviderName').text).toBe('ctxh-report');
    expect(child(root, 'DefaultLocale').text).toBe('vi-VN');
    expect(child(root, 'Permissions').text).toBe('ReadWriteDocument');
  });

  it('declares ExcelApi 1.1 as the minimum', () => {
    const sets = kids(child(child(root, 'Requirements'), 'Sets'), 'Set');
    expect(sets.map((s) => [s.attrs.Name, s.attrs.MinVersion])).toEqual([['ExcelApi', '1.1']]);
  });

  it('names and describes itself in Vietnamese and English, within the length limits', () => {
    for (const [name, max] of [['DisplayName', 125], ['Description', 250]] as const) {
      const el = child(root, name);
      expect(el.attrs.DefaultValue.length).toBeGreaterThan(0);
      expect(el.attrs.DefaultValue.length).toBeLessThanOrEqual(max);
      expect(el.attrs.DefaultValue).toMatch(/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i); // Vietnamese
      const en = kids(el, 'Override').filter((o) => o.attrs.Locale === 'en-US');
      expect(en).toHaveLength(1);
      expect(en[0].attrs.Value.length).toBeLessThanOrEqual(max);
      expect(en[0].attrs.Value).not.toBe(el.attrs.DefaultValue);
    }
    for (const [list, max] of [[collections.short, 125], [collections.long, 250]] as const) {
      for (const s of list) {
        expect(s.attrs.DefaultValue.length).toBeLessThanOrEqual(max);
        const en = kids(s, 'bt:Override').filter((o) => o.attrs.Locale === 'en-US');
        expect({ id: s.attrs.id, english: en.length }).toEqual({ id: s.attrs.id, english: 1 });
        expect(en[0].attrs.Value.length).toBeLessThanOrEqual(max);
      }
    }
  });

  it('resolves every resid to a resource of the right kind, and uses every resource', () => {
    const ids = Object.values(collections).flat().map((e) => e.attrs.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id.length).toBeLessThanOrEqual(32);
    const used = new Set<string>();
    for (const el of all(vo)) {
      const resid = el.attrs.resid;
      if (resid === undefined) continue;
      used.add(resid);
      const kind =
        el.name === 'bt:Image' ? 'image'
        : el.name === 'FunctionFile' || el.name === 'SourceLocation' || el.name === 'LearnMoreUrl' ? 'url'
        : el.name === 'Label' || el.name === 'Title' ? 'short'
        : el.name === 'Description' ? 'long'
        : null;
      expect({ element: el.name, kind }).not.toEqual({ element: el.name, kind: null });
      expect({ element: el.name, resid, found: !!byId(collections[kind as keyof typeof collections], resid) }).toEqual({ element: el.name, resid, found: true });
    }
    expect(ids.filter((id) => !used.has(id))).toEqual([]);
  });

  it('points every URL at a file the build serves from its address, support page included', () => {
    const urls: string[] = [];
    const grab = (el: El) => {
      if (el.attrs.DefaultValue) urls.push(el.attrs.DefaultValue);
      for (const o of el.children.filter((c) => c.name === 'Override' || c.name === 'bt:Override')) urls.push(o.attrs.Value);
    };
    for (const n of ['IconUrl', 'HighResolutionIconUrl', 'SupportUrl']) root.children.filter((c) => c.name === n).forEach(grab);
    grab(child(child(root, 'DefaultSettings'), 'SourceLocation'));
    [...collections.image, ...collections.url].forEach(grab);
    expect(urls.length).toBeGreaterThanOrEqual(6);
    const served = urls.map(servedFile);
    expect(served).toContain('taskpane.html');
    expect(served).toContain('commands.html');
    expect(served).toContain('support.html');
    expect(child(root, 'SupportUrl').attrs.DefaultValue).toBe(`${ORIGIN}support.html`);
    expect(byId(collections.url, child(all(vo).find((e) => e.name === 'DesktopFormFactor')!, 'FunctionFile').attrs.resid)?.attrs.DefaultValue).toBe(`${ORIGIN}commands.html`);
    expect(child(child(root, 'DefaultSettings'), 'SourceLocation').attrs.DefaultValue).toBe(`${ORIGIN}taskpane.html`);
  });

  it('opens the task pane from a button on the Home tab', () => {
    const tab = all(vo).find((e) => e.name === 'OfficeTab');
    expect(tab?.attrs.id).toBe('TabHome');
    const ext = all(vo).find((e) => e.name === 'ExtensionPoint');
    expect(ext?.attrs['xsi:type']).toBe('PrimaryCommandSurface');
    const button = all(tab!).find((e) => e.name === 'Control' && e.attrs['xsi:type'] === 'Button');
    const action = child(button!, 'Action');
    expect(action.attrs['xsi:type']).toBe('ShowTaskpane');
    expect(byId(collections.url, child(action, 'SourceLocation').attrs.resid)?.attrs.DefaultValue).toBe(`${ORIGIN}taskpane.html`);
  });

  it('has every icon at the size it is declared for', () => {
    const sizeOf = (url: string) => pngSize(path.join(ROOT, servedFile(url)));
    expect(sizeOf(child(root, 'IconUrl').attrs.DefaultValue)).toEqual({ w: 32, h: 32 });
    expect(sizeOf(child(root, 'HighResolutionIconUrl').attrs.DefaultValue)).toEqual({ w: 64, h: 64 });
    for (const icon of all(vo).filter((e) => e.name === 'Icon')) {
      const sizes = kids(icon, 'bt:Image').map((i) => Number(i.attrs.size));
      expect(sizes).toEqual(expect.arrayContaining([16, 32, 80]));
      for (const img of kids(icon, 'bt:Image')) {
        const res = byId(collections.image, img.attrs.resid)!;
        const n = Number(img.attrs.size);
        expect({ resid: img.attrs.resid, size: sizeOf(res.attrs.DefaultValue) }).toEqual({ resid: img.attrs.resid, size: { w: n, h: n } });
      }
    }
  });

  it('ships assets/icon-16, 32, 64, 80 and 128 at their exact pixel sizes', () => {
    for (const n of [16, 32, 64, 80, 128]) expect(pngSize(path.join(ROOT, 'assets', `icon-${n}.png`))).toEqual({ w: n, h: n });
  });
});
