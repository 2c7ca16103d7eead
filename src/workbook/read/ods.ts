// An OpenDocument spreadsheet package: its mimetype, an encrypted manifest, and content.xml's cells
// counted as SheetJS would expand them.
import { reject } from './rejections';
import { countOdsContent } from './xml-scan';
import type { ZipSpreadsheet } from './zip-spreadsheet';

const ODS_MIME = 'application/vnd.oasis.opendocument.spreadsheet';
const ODS_PARTS = new Set(['mimetype', 'content.xml', 'styles.xml', 'meta.xml', 'META-INF/manifest.xml']);
const utf8 = (d: Uint8Array | undefined) => (d ? new TextDecoder('utf-8').decode(d) : undefined);

export function odsPackage(file: string): ZipSpreadsheet {
  return {
    format: 'ods',
    onInflated(name, data) {
      if (name === 'META-INF/manifest.xml' && /encryption-data/.test(utf8(data)!)) reject(file, 'file.password');
    },
    checkPackage(entries) {
      const mime = utf8(entries.get('mimetype'))?.trim();
      if (mime !== ODS_MIME) {
        if (mime?.startsWith('application/vnd.oasis.opendocument.text')) reject(file, 'file.document', 'OpenDocument .odt', 'OpenDocument .odt');
        reject(file, 'file.notSpreadsheet', 'OpenDocument', 'OpenDocument');
      }
    },
    checkContent(entries) {
      countOdsContent(entries.get('content.xml')!, file);
    },
    keep: (n) => ODS_PARTS.has(n),
    modified: { part: 'meta.xml', date: /<dc:date>([^<]+)</ },
  };
}
